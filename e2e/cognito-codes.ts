// Where the e2e suite reads the codes a person would get by email (local/cognito/codes.ts, which
// the Node tests read them with too: from cognito-local's data file) or from an authenticator app
// (computed from the shared secret).
import { createHmac } from 'node:crypto';
import { cognitoCall } from '../local/cognito/api.ts';
import { signIn } from '../local/cognito/seed.ts';
import type { LocalStack } from '../local/stack.ts';

export { sentCode, sentSignInCode } from '../local/cognito/codes.ts';

/** RFC 4648 base32, as authenticator apps read the shared secret. */
function base32(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/**
 * The 6-digit TOTP (RFC 6238: HMAC-SHA1 over the 30-second step, RFC 4226 truncation) an
 * authenticator app would show for this secret at `at`.
 */
export function totp(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

/**
 * Turns on TOTP MFA for a user the way a signed-in app would (AssociateSoftwareToken,
 * VerifySoftwareToken, SetUserMFAPreference with the access token), so the next sign-in asks for
 * a code. cognito-local has no MFA_SETUP challenge, so setup during sign-in cannot run here.
 * Returns the shared secret.
 */
export async function enableTotp(
  stack: LocalStack,
  username: string,
  password: string,
): Promise<string> {
  const endpoint = stack.urls.cognito;
  const { AccessToken } = await signIn(endpoint, stack.userPoolClientId, username, password);
  const { SecretCode } = await cognitoCall<{ SecretCode: string }>(
    endpoint,
    'AssociateSoftwareToken',
    { AccessToken },
  );
  await cognitoCall(endpoint, 'VerifySoftwareToken', { AccessToken, UserCode: totp(SecretCode) });
  await cognitoCall(endpoint, 'SetUserMFAPreference', {
    AccessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
  return SecretCode;
}
