// Where tests read the sign-in codes the local Cognito "emails" (EMAIL_OTP): like sign-up codes,
// they are logged by cognito-local and kept on the user record in its pool file,
// `.cognito/db/<poolId>.json` under its data dir, written before the API call answers. A code
// is kept with its sign-in session (email-otp.ts) until answered or expired.
import type { AuthSession } from './auth-sessions.ts';
import { storedUser } from './codes.ts';
import type { User } from './internals.ts';

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
    const user = await storedUser<User>({ cognitoDataDir: dataDir, userPoolId: poolId }, email);
    const sessions = Object.values((user?.['AuthSessions'] ?? {}) as Record<string, AuthSession>);
    const latest = sessions
      .filter((s) => s.challenge === 'EMAIL_OTP' && s.code !== undefined && s.code !== notThis)
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    if (latest?.code) return latest.code;
    if (Date.now() > deadline) throw new Error(`the local Cognito holds no new code for ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
