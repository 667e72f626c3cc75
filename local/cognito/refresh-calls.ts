// Every GetTokensFromRefreshToken call the local Cognito answers, one JSON line each in
// `.cognito/local/refresh-calls.jsonl` under its data dir, written before the answer leaves, so a
// test can count the refreshes a browser (or several tabs of one) made per user and per expiry.
import { appendFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCAL_DIR } from './local-clock.ts';

const FILE = join(LOCAL_DIR, 'refresh-calls.jsonl');

export interface RefreshCall {
  /** When it was answered (ISO 8601, real time, whatever local-clock.ts says). */
  at: string;
  clientId: string;
  /** The refresh token's user (cognito-local's Username, and email), when the token was known. */
  username?: string;
  email?: string;
  /** `ok`, or the error's `__type` (NotAuthorizedException, RefreshTokenReuseException, …). */
  outcome: string;
  /** A new refresh token was issued (the client rotates refresh tokens). */
  rotated: boolean;
  /** The refresh token sent had been rotated out already and was still in its grace period. */
  inGracePeriod: boolean;
}

/** Appends one call to the log of the cognito-local running in the current directory. */
export function recordRefreshCall(call: RefreshCall): void {
  mkdirSync(LOCAL_DIR, { recursive: true });
  appendFileSync(FILE, `${JSON.stringify(call)}\n`);
}

/**
 * The calls logged by the cognito-local whose data dir is `dataDir`, oldest first; `user` keeps
 * those of one user, by username or email.
 */
export async function refreshCalls(
  dataDir: string,
  filter: { user?: string; since?: Date } = {},
): Promise<RefreshCall[]> {
  let text = '';
  try {
    text = await readFile(join(dataDir, FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RefreshCall)
    .filter(
      (call) =>
        filter.user === undefined || call.username === filter.user || call.email === filter.user,
    )
    .filter((call) => filter.since === undefined || Date.parse(call.at) >= filter.since.getTime());
}
