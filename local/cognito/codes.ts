// Where tests (Node and e2e) read the codes the local Cognito "emails". cognito-local delivers a
// sign-up, resend or forgot-password code by logging it (its console message sender, shown by
// `DEBUG=1 npm start`) and keeps it on the user record as ConfirmationCode; a sign-in code
// (EMAIL_OTP, email-otp.ts) is logged the same way and kept with its sign-in session until it is
// answered or expires. Both are in the pool's data file, `.cognito/db/<poolId>.json` under
// cognito-local's working directory (local/data/cognito/ for `npm start`), written before the API
// call answers. Tests read that file: one JSON parse instead of scraping boxed log text from a
// child process. (Type-only imports: the e2e runner loads none of the emulated actions.)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuthSession } from './auth-sessions.ts';
import type { User } from './internals.ts';

/** Where a cognito-local keeps its data, and which pool (a LocalStack has both). */
export interface CognitoData {
  cognitoDataDir: string;
  userPoolId: string;
}

/** The data file of one pool: `.cognito/db/<poolId>.json` under cognito-local's working directory. */
export function poolDataFile({ cognitoDataDir, userPoolId }: CognitoData): string {
  return join(cognitoDataDir, '.cognito', 'db', `${userPoolId}.json`);
}

/**
 * The user record of this address in the pool's data file; undefined while there is none, and
 * while cognito-local is rewriting the file (it truncates it, then writes it anew: a read in
 * between finds it empty or cut short), so a caller that waits for a code reads again.
 */
async function storedUser(data: CognitoData, email: string): Promise<User | undefined> {
  let db: { Users?: Record<string, User> };
  try {
    db = JSON.parse(await readFile(poolDataFile(data), 'utf8')) as typeof db;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  // Email-username pools key a signed-up user by its sub; the email is an attribute.
  return Object.values(db.Users ?? {}).find(
    (u) =>
      u.Username === email || u.Attributes?.some((a) => a.Name === 'email' && a.Value === email),
  );
}

/** The code `find` reads on the user's record, waiting up to 10 s for it to be there. */
async function awaitCode(
  data: CognitoData,
  email: string,
  find: (user: User | undefined) => string | undefined,
): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const code = find(await storedUser(data, email));
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`cognito-local holds no new code for ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The sign-up, resend or forgot-password code cognito-local last "sent" to this address; waits
 * (up to 10 s) for one other than `notThis`, so a test can ask for the code a resend or a second
 * request produced.
 */
export function sentCode(data: CognitoData, email: string, notThis?: string): Promise<string> {
  return awaitCode(data, email, (user) => {
    const code = user?.['ConfirmationCode'] as string | undefined;
    return code !== notThis ? code : undefined;
  });
}

/**
 * The sign-in code (EMAIL_OTP) last emailed to this address whose session is still open; waits
 * (up to 10 s) for one other than `notThis`.
 */
export function sentSignInCode(
  data: CognitoData,
  email: string,
  notThis?: string,
): Promise<string> {
  return awaitCode(data, email, (user) => {
    const sessions = Object.values((user?.['AuthSessions'] ?? {}) as Record<string, AuthSession>);
    return sessions
      .filter((s) => s.challenge === 'EMAIL_OTP' && s.code !== undefined && s.code !== notThis)
      .sort((a, b) => b.createdAt - a.createdAt)[0]?.code;
  });
}
