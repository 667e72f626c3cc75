// Passkey ceremonies of the emulated actions. Every check of a registration or an assertion
// (origin, relying party id, challenge, signature, counter, user presence and verification) is
// @simplewebauthn/server's; this file only chooses its inputs and the AWS error to answer.
//
// Relying party and origins: the pool's WebAuthnConfiguration.RelyingPartyId (the seed sets
// `localhost`: browsers refuse WebAuthn on an IP address such as 127.0.0.1, and allow it on
// http://localhost, a secure context). AWS checks that the origin belongs to the relying party;
// offline the allowed origins are, in addition, the ones the local stack serves the app on
// (WEBAUTHN_ORIGINS_ENV, from the stack's allowed origins), so a wrong origin on the right
// host is refused too.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { webAuthnConfiguration } from './web-authn-configuration.ts';
import {
  cognitoError,
  invalidParameter,
  notAuthorized,
  WEBAUTHN_ORIGINS_ENV,
  type Ctx,
  type UserPoolOptions,
} from './internals.ts';
import type { StoredPasskey } from './passkeys.ts';

export interface RelyingParty {
  id: string;
  userVerification: 'required' | 'preferred';
  origins: string[];
}

/** Origins of `rpId`: its own host or a subdomain, https, or http on localhost. */
export function originsFor(rpId: string, served: readonly string[]): string[] {
  return served.filter((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    const own = url.hostname === rpId || url.hostname.endsWith(`.${rpId}`);
    const secure =
      url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost');
    return own && secure && url.origin === origin;
  });
}

/** The pool's relying party, or AWS's WebAuthnConfigurationMissingException. */
export function relyingParty(pool: UserPoolOptions): RelyingParty {
  const configuration = webAuthnConfiguration(pool);
  const id = configuration.RelyingPartyId;
  if (!id) {
    throw cognitoError(
      'WebAuthnConfigurationMissingException',
      'The user pool has no relying party id for passkeys (WebAuthnConfiguration.RelyingPartyId).',
    );
  }
  const served = (process.env[WEBAUTHN_ORIGINS_ENV] ?? '').split(',').filter(Boolean);
  return {
    id,
    userVerification: configuration.UserVerification ?? 'preferred',
    origins: originsFor(id, served),
  };
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

export function registrationOptions(input: {
  rp: RelyingParty;
  rpName: string;
  userId: string;
  userName: string;
  passkeys: StoredPasskey[];
  timeoutMs: number;
}): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: input.rpName,
    rpID: input.rp.id,
    userID: new TextEncoder().encode(input.userId),
    userName: input.userName,
    userDisplayName: input.userName,
    timeout: input.timeoutMs,
    attestationType: 'none',
    excludeCredentials: input.passkeys.map((p) => ({
      id: p.CredentialId,
      transports: p.AuthenticatorTransports,
    })),
    authenticatorSelection: {
      residentKey: 'required',
      userVerification: input.rp.userVerification,
    },
  });
}

export function assertionOptions(input: {
  rp: RelyingParty;
  passkeys: StoredPasskey[];
  timeoutMs: number;
}): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: input.rp.id,
    allowCredentials: input.passkeys.map((p) => ({
      id: p.CredentialId,
      transports: p.AuthenticatorTransports,
    })),
    userVerification: input.rp.userVerification,
    timeout: input.timeoutMs,
  });
}

/** The challenge and origin a response claims: only to name the error of a failed check. */
function claimed(response: RegistrationResponseJSON): { challenge?: string; origin?: string } {
  try {
    const text = Buffer.from(String(response.response?.clientDataJSON), 'base64url');
    return JSON.parse(text.toString('utf8')) as { challenge?: string; origin?: string };
  } catch {
    return {};
  }
}

/**
 * A verified registration as the passkey to store, or the error CompleteWebAuthnRegistration lists
 * for what failed (WebAuthnChallengeNotFound/OriginNotAllowed/RelyingPartyMismatch, else
 * InvalidParameter).
 */
export async function verifiedRegistration(
  credential: unknown,
  challenge: string,
  rp: RelyingParty,
): Promise<Omit<StoredPasskey, 'FriendlyCredentialName' | 'CreatedAt'>> {
  const response = credential as RegistrationResponseJSON;
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      requireUserVerification: rp.userVerification === 'required',
    });
  } catch (error) {
    const data = claimed(response);
    if (data.challenge !== challenge) {
      throw cognitoError(
        'WebAuthnChallengeNotFoundException',
        'The registration challenge was not found.',
      );
    }
    if (!data.origin || !rp.origins.includes(data.origin)) {
      throw cognitoError(
        'WebAuthnOriginNotAllowedException',
        `The origin ${String(data.origin)} is not allowed for relying party ${rp.id}.`,
      );
    }
    if (/RP ID/i.test((error as Error).message)) {
      throw cognitoError(
        'WebAuthnRelyingPartyMismatchException',
        `The passkey is not for relying party ${rp.id}.`,
      );
    }
    throw invalidParameter(`The passkey registration is not valid: ${(error as Error).message}`);
  }
  if (!verified.verified) throw invalidParameter('The passkey registration is not valid.');
  const { credential: registered } = verified.registrationInfo;
  return {
    CredentialId: registered.id,
    RelyingPartyId: rp.id,
    AuthenticatorAttachment: response.authenticatorAttachment,
    AuthenticatorTransports: registered.transports ?? response.response.transports ?? [],
    PublicKey: b64url(registered.publicKey),
    Counter: registered.counter,
  };
}

/**
 * The new signature counter of a verified assertion by `passkey`; a failure of any check is a
 * NotAuthorizedException, the sign-in error RespondToAuthChallenge lists.
 */
export async function verifiedAssertion(
  ctx: Ctx,
  credential: AuthenticationResponseJSON,
  challenge: string,
  rp: RelyingParty,
  passkey: StoredPasskey,
): Promise<number> {
  try {
    const verified = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      credential: {
        id: passkey.CredentialId,
        publicKey: bytes(passkey.PublicKey),
        counter: passkey.Counter,
        transports: passkey.AuthenticatorTransports as never,
      },
      requireUserVerification: rp.userVerification === 'required',
    });
    if (verified.verified) return verified.authenticationInfo.newCounter;
  } catch (error) {
    // The reason goes to cognito-local's log only: it may quote the expected challenge.
    ctx.logger.warn(`WEB_AUTHN assertion refused: ${(error as Error).message}`);
  }
  throw notAuthorized('The passkey could not be verified.');
}
