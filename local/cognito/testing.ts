// Test helper of the cognito tests: a real cognito-local process in a fresh data folder, seeded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCognitoLocal, type CognitoLocal } from './cognito-local.ts';
import { seedCognito, type Seeded, type SeedOptions } from './seed.ts';

export interface SeededCognito {
  cognito: CognitoLocal;
  seeded: Seeded;
  /** cognito-local's data dir (its working directory). */
  dataDir: string;
  /** Stops the process and removes its data folder (unless the caller gave `dataDir`). */
  stop(): Promise<void>;
}

/**
 * Starts cognito-local on a free port with its data in a new temporary folder (or `dataDir`, kept
 * when stopped, to start again on the same data) and seeds it with `options`; should either step
 * fail, what already exists is stopped and removed before rethrowing.
 */
export async function startSeededCognito(
  options: SeedOptions & { webAuthnOrigins?: readonly string[]; dataDir?: string } = {},
): Promise<SeededCognito> {
  const { webAuthnOrigins, dataDir, ...seedOptions } = options;
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'cognito-test-')));
  let cognito: CognitoLocal | undefined;
  const stop = async () => {
    await cognito?.stop();
    if (dataDir === undefined) await rm(dir, { recursive: true, force: true });
  };
  try {
    cognito = await startCognitoLocal({ port: 0, dataDir: dir, webAuthnOrigins });
    return {
      cognito,
      seeded: await seedCognito(cognito.endpoint, seedOptions),
      dataDir: dir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
