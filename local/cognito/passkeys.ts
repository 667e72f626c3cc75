// A user's passkeys as the emulated WebAuthn actions keep them: on the user's record
// (`WebAuthnCredentials`, in cognito-local's pool file), so they survive a restart. The fields the
// API answers are AWS's WebAuthnCredentialDescription:
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnCredentialDescription.html
import type { User } from './internals.ts';

export interface StoredPasskey {
  CredentialId: string;
  FriendlyCredentialName: string;
  RelyingPartyId: string;
  AuthenticatorAttachment?: string;
  AuthenticatorTransports: string[];
  /** Seconds since the epoch (AWS answers CreatedAt in epoch seconds). */
  CreatedAt: number;
  /** The COSE public key, base64url, and the signature counter, for verifying assertions. */
  PublicKey: string;
  Counter: number;
}

/** What one user may register; AWS lists at most 20 per page (ListWebAuthnCredentials). */
export const MAX_PASSKEYS = 20;

export function passkeysOf(user: User): StoredPasskey[] {
  return (user['WebAuthnCredentials'] ?? []) as StoredPasskey[];
}

export function withPasskeys(user: User, passkeys: StoredPasskey[]): User {
  return { ...user, WebAuthnCredentials: passkeys };
}

/** The description ListWebAuthnCredentials answers (no key material). */
export function describePasskey(passkey: StoredPasskey): Record<string, unknown> {
  return {
    CredentialId: passkey.CredentialId,
    FriendlyCredentialName: passkey.FriendlyCredentialName,
    RelyingPartyId: passkey.RelyingPartyId,
    ...(passkey.AuthenticatorAttachment
      ? { AuthenticatorAttachment: passkey.AuthenticatorAttachment }
      : {}),
    AuthenticatorTransports: passkey.AuthenticatorTransports,
    CreatedAt: passkey.CreatedAt,
  };
}

/**
 * AWS names a passkey itself ("an automatically-generated friendly name") from its provider; this
 * has no provider list offline, so it names the kind of authenticator.
 */
export function friendlyName(attachment: string | undefined): string {
  if (attachment === 'platform') return 'Passkey on this device';
  if (attachment === 'cross-platform') return 'Security key';
  return 'Passkey';
}
