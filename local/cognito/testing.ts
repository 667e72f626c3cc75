// Test helper of the cognito tests: a real cognito-local process in a fresh data folder, seeded.
import { mkdtemp, rm } from 'node:fs/promises';
import { after, before } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCognitoLocal, type CognitoLocal } from './cognito-local.ts';
import { seedCognito, type Seeded, type SeedOptions } from './seed.ts';

export interface SeededCognito {
  cognito: CognitoLocal;
  seeded: Seeded;
  /** cognito-local's working directory: its data file is under it (codes.ts reads the codes). */
  dataDir: string;
  /** Stops the process and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts cognito-local on a free port with its data in a new temporary folder and seeds it with
 * `options`; should either step fail, what already exists is stopped and removed before rethrowing.
 */
export async function startSeededCognito(options: SeedOptions = {}): Promise<SeededCognito> {
  const dir = await mkdtemp(join(tmpdir(), 'cognito-test-'));
  let cognito: CognitoLocal | undefined;
  const stop = async () => {
    await cognito?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    cognito = await startCognitoLocal({ port: 0, dataDir: dir });
    return {
      cognito,
      seeded: await seedCognito(cognito.endpoint, options),
      dataDir: dir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A test file's seeded cognito-local, read inside its tests (once `before` has run). */
export interface TestCognito {
  readonly endpoint: string;
  readonly seeded: Seeded;
  /** Where its data file is, for `codes.ts`. */
  readonly data: { cognitoDataDir: string; userPoolId: string };
}

/**
 * Starts a seeded cognito-local before the calling file's tests and stops it after them (the
 * node:test hooks), so each test file shows only its own scenario.
 */
export function useSeededCognito(options: SeedOptions = {}): TestCognito {
  let local: SeededCognito | undefined;
  before(
    async () => {
      local = await startSeededCognito(options);
    },
    { timeout: 60_000 },
  );
  after(() => local?.stop());
  const started = () => {
    if (!local) throw new Error('cognito-local has not started: read it inside a test');
    return local;
  };
  return {
    get endpoint() {
      return started().cognito.endpoint;
    },
    get seeded() {
      return started().seeded;
    },
    get data() {
      return { cognitoDataDir: started().dataDir, userPoolId: started().seeded.userPoolId };
    },
  };
}
