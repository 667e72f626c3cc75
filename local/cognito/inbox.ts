// Where tests read the sign-in codes the local Cognito "emails" (EMAIL_OTP): like sign-up codes,
// they are logged by cognito-local and kept on the user record in its pool file,
// `.cognito/db/<poolId>.json` under its data dir, written before the API call answers. A code
// is kept with its sign-in session (email-otp.ts) until answered or expired.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuthSession } from './auth-sessions.ts';
import type { User } from './internals.ts';

async function storedUser(
  dataDir: string,
  poolId: string,
  email: string,
): Promise<User | undefined> {
  const file = join(dataDir, '.cognito', 'db', `${poolId}.json`);
  const db = JSON.parse(await readFile(file, 'utf8')) as { Users?: Record<string, User> };
  return Object.values(db.Users ?? {}).find(
    (u) =>
      u.Username === email || u.Attributes?.some((a) => a.Name === 'email' && a.Value === email),
  );
}

/**
 * The sign-in code last emailed to `email` whose session is still open, waiting up to 10 s for
 * one other than `notThis`.
 */
export async function latestEmailCode(
  dataDir: string,
  poolId: string,
  email: string,
  notThis?: string,
): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const user = await storedUser(dataDir, poolId, email);
    const sessions = Object.values((user?.['AuthSessions'] ?? {}) as Record<string, AuthSession>);
    const latest = sessions
      .filter((s) => s.challenge === 'EMAIL_OTP' && s.code !== undefined && s.code !== notThis)
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    if (latest?.code) return latest.code;
    if (Date.now() > deadline) throw new Error(`the local Cognito holds no new code for ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
