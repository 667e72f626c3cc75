// Where the e2e suite reads the codes a person would get by email or from an authenticator app.
// cognito-local "sends" a sign-up or forgot-password code by logging it (its console message
// sender) and keeps it on the user record in its data file, `.cognito/db/<poolId>.json` under its
// working directory, written before the API call answers. This reads the data file: one JSON
// parse instead of scraping boxed log text from a child process the fixture does not expose.
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cognitoCall } from '../local/cognito/api.ts';
import { signIn } from '../local/cognito/seed.ts';
import type { LocalStack } from '../local/stack.ts';

interface StoredUser {
  Username: string;
  Attributes?: { Name: string; Value: string }[];
  ConfirmationCode?: string;
}

async function storedUser(stack: LocalStack, email: string): Promise<StoredUser | undefined> {
  const file = join(stack.cognitoDataDir, '.cognito', 'db', `${stack.userPoolId}.json`);
  const db = JSON.parse(await readFile(file, 'utf8')) as { Users?: Record<string, StoredUser> };
  // Email-username pools key a signed-up user by its sub; the email is an attribute.
  return Object.values(db.Users ?? {}).find(
    (u) =>
      u.Username === email || u.Attributes?.some((a) => a.Name === 'email' && a.Value === email),
  );
}

/**
 * The code cognito-local last "sent" to this address; waits (up to 10 s) for one other than
 * `notThis`, so a test can ask for the code a resend or a second request produced.
 */
export async function sentCode(
  stack: LocalStack,
  email: string,
  notThis?: string,
): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const code = (await storedUser(stack, email))?.ConfirmationCode;
    if (code && code !== notThis) return code;
    if (Date.now() > deadline) throw new Error(`cognito-local holds no new code for ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

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
