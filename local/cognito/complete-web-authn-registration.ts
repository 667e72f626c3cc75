// CompleteWebAuthnRegistration: stores the passkey the browser created for the challenge of
// StartWebAuthnRegistration, as AWS documents it. Request: AccessToken, Credential (the
// RegistrationResponseJSON of navigator.credentials.create()). Response: {}. Errors:
// WebAuthnChallengeNotFoundException (no challenge, expired, used, or another one signed),
// WebAuthnClientMismatchException (started through another app client),
// WebAuthnOriginNotAllowedException, WebAuthnRelyingPartyMismatchException, InvalidParameterException
// for a registration that does not verify, NotAuthorizedException for a bad access token.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html
// The verification is @simplewebauthn/server's (web-authn.ts); the challenge is used once, whatever
// the outcome.
import { signedIn } from './access-token.ts';
import {
  cognitoError,
  invalidParameter,
  type Services,
  type Target,
  type TargetTable,
} from './internals.ts';
import { localNow } from './local-clock.ts';
import { friendlyName, passkeysOf, withPasskeys } from './passkeys.ts';
import { serialized } from './serialized.ts';
import { assertPasskeysEnabled } from './start-web-authn-registration.ts';
import { addTarget } from './target-table.ts';
import { relyingParty, verifiedRegistration } from './web-authn.ts';

export const TARGET = 'CompleteWebAuthnRegistration';

interface Pending {
  challenge: string;
  clientId: string;
  expiresAt: number;
}

function complete(services: Services): Target {
  return async (ctx, req) => {
    const { user, pool, client } = await signedIn(services, ctx, req?.['AccessToken']);
    const credential = req?.['Credential'];
    if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
      throw invalidParameter('Missing required parameter Credential');
    }
    assertPasskeysEnabled(pool);
    const rp = relyingParty(pool.options);
    return serialized(pool.options.Id, async () => {
      const latest = (await pool.getUserByUsername(ctx, user.Username)) ?? user;
      const pending = latest['WebAuthnRegistration'] as Pending | undefined;
      const { WebAuthnRegistration: _spent, ...rest } = latest;
      await pool.saveUser(ctx, rest);
      if (!pending || pending.expiresAt <= localNow()) {
        throw cognitoError(
          'WebAuthnChallengeNotFoundException',
          'No registration challenge was found: start the registration again.',
        );
      }
      if (pending.clientId !== client.ClientId) {
        throw cognitoError(
          'WebAuthnClientMismatchException',
          'The registration was started through another app client.',
        );
      }
      const verified = await verifiedRegistration(credential, pending.challenge, rp);
      const passkeys = passkeysOf(rest);
      if (passkeys.some((p) => p.CredentialId === verified.CredentialId)) {
        throw invalidParameter('This passkey is registered already.');
      }
      const passkey = {
        ...verified,
        FriendlyCredentialName: friendlyName(verified.AuthenticatorAttachment),
        CreatedAt: Math.floor(localNow() / 1000),
      };
      await pool.saveUser(ctx, withPasskeys(rest, [...passkeys, passkey]));
      return {};
    });
  };
}

export function registerCompleteWebAuthnRegistration(targets: TargetTable): void {
  addTarget(targets, TARGET, complete);
}
