// Where the codes cognito-local "sends" can be read back. It delivers a sign-up, resend or
// forgot-password code by logging it (its console message sender, shown by `DEBUG=1 npm start`)
// and keeps it on the user record in its data file, `.cognito/db/<poolId>.json` under its working
// directory (local/data/cognito/ for `npm start`), written before the API call answers. Tests read
// the data file: one JSON parse instead of scraping boxed log text from a child process.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a cognito-local keeps its data, and which pool. */
export interface CognitoData {
  cognitoDataDir: string;
  userPoolId: string;
}

export interface StoredUser {
  Username: string;
  Attributes?: { Name: string; Value?: string }[];
  ConfirmationCode?: string;
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
export async function storedUser<T extends StoredUser = StoredUser>(
  data: CognitoData,
  email: string,
): Promise<T | undefined> {
  let db: { Users?: Record<string, T> };
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

/**
 * The code cognito-local last "sent" to this address; waits (up to 10 s) for one other than
 * `notThis`, so a test can ask for the code a resend or a second request produced.
 */
export async function sentCode(
  data: CognitoData,
  email: string,
  notThis?: string,
): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const code = (await storedUser(data, email))?.ConfirmationCode;
    if (code && code !== notThis) return code;
    if (Date.now() > deadline) throw new Error(`cognito-local holds no new code for ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
