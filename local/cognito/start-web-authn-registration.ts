// StartWebAuthnRegistration: the passkey creation options for the signed-in user, as AWS documents
// it. Request: AccessToken. Response: CredentialCreationOptions, the
// PublicKeyCredentialCreationOptionsJSON to hand to navigator.credentials.create() (relying party,
// user, challenge, algorithms, the user's passkeys to exclude). Errors: WebAuthnNotEnabledException
// when the pool does not allow WEB_AUTHN, WebAuthnConfigurationMissingException without a relying
// party id, LimitExceededException past the passkeys a user may have, NotAuthorizedException for a
// bad access token.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html
// The challenge is kept on the user record (`WebAuthnRegistration`) for
// CompleteWebAuthnRegistration: one at a time, for this app client, until the client's
// AuthSessionValidity runs out.
import { signedIn } from './access-token.ts';
import { authSessionMs } from './app-client-settings.ts';
import {
  attributeValue,
  cognitoError,
  type Services,
  type Target,
  type TargetTable,
  type UserPool,
} from './internals.ts';
import { localNow } from './local-clock.ts';
import { MAX_PASSKEYS, passkeysOf } from './passkeys.ts';
import { serialized } from './serialized.ts';
import { addTarget } from './target-table.ts';
import { allowedFirstFactors } from './user-auth.ts';
import { registrationOptions, relyingParty } from './web-authn.ts';

export const TARGET = 'StartWebAuthnRegistration';

/** WebAuthnNotEnabledException unless the pool allows passkeys. */
export function assertPasskeysEnabled(pool: UserPool): void {
  if (!allowedFirstFactors(pool).includes('WEB_AUTHN')) {
    throw cognitoError(
      'WebAuthnNotEnabledException',
      'Passkeys are not enabled for this user pool (SignInPolicy.AllowedFirstAuthFactors).',
    );
  }
}

function start(services: Services): Target {
  return async (ctx, req) => {
    const { user, pool, client } = await signedIn(services, ctx, req?.['AccessToken']);
    assertPasskeysEnabled(pool);
    const rp = relyingParty(pool.options);
    return serialized(pool.options.Id, async () => {
      const latest = (await pool.getUserByUsername(ctx, user.Username)) ?? user;
      const passkeys = passkeysOf(latest);
      if (passkeys.length >= MAX_PASSKEYS) {
        throw cognitoError(
          'LimitExceededException',
          `A user can have at most ${MAX_PASSKEYS} passkeys.`,
        );
      }
      const timeoutMs = authSessionMs(client);
      const options = await registrationOptions({
        rp,
        rpName: pool.options.Name ?? pool.options.Id,
        userId: attributeValue(latest, 'sub') ?? latest.Username,
        userName: attributeValue(latest, 'email') ?? latest.Username,
        passkeys,
        timeoutMs,
      });
      await pool.saveUser(ctx, {
        ...latest,
        WebAuthnRegistration: {
          challenge: options.challenge,
          clientId: client.ClientId,
          expiresAt: localNow() + timeoutMs,
        },
      });
      return { CredentialCreationOptions: options };
    });
  };
}

export function registerStartWebAuthnRegistration(targets: TargetTable): void {
  addTarget(targets, TARGET, start);
}
