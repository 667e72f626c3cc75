// The clock of the emulated actions: real time plus an offset a test can set, so "after the code
// expired" or "after the grace period" can be reached without waiting minutes. The offset lives in
// the data dir (`.cognito/local/clock.json`), read on every use, so a test in another process moves
// the clock of a running cognito-local. It moves only what the emulated actions decide (sign-in
// sessions, codes, passkey challenges, refresh token rotation and expiry, access token expiry in
// the passkey actions); cognito-local's own token timestamps stay real time.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the offline-only state and logs of the emulated actions live, under the data dir. */
export const LOCAL_DIR = join('.cognito', 'local');
const CLOCK_FILE = join(LOCAL_DIR, 'clock.json');

/** Now, in milliseconds, for the cognito-local whose working directory is `dataDir`. */
export function localNow(dataDir = process.cwd()): number {
  let text: string;
  try {
    text = readFileSync(join(dataDir, CLOCK_FILE), 'utf8');
  } catch {
    return Date.now();
  }
  const offset = (JSON.parse(text) as { offsetSeconds?: unknown }).offsetSeconds;
  return Date.now() + (typeof offset === 'number' && Number.isFinite(offset) ? offset * 1000 : 0);
}

/**
 * Moves the emulated actions' clock of the cognito-local using `dataDir` `seconds` ahead of real
 * time (0, or `resetLocalClock`, puts it back).
 */
export function setLocalClock(dataDir: string, seconds: number): void {
  const file = join(dataDir, CLOCK_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ offsetSeconds: seconds }));
}

export function resetLocalClock(dataDir: string): void {
  rmSync(join(dataDir, CLOCK_FILE), { force: true });
}
