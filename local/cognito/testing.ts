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

/** An action's raw answer: its HTTP status and JSON body. */
export interface RawAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** One action over plain HTTP, as Amplify sends it, so status codes and error bodies are visible. */
export async function rawCall(
  endpoint: string,
  action: string,
  body: Record<string, unknown>,
): Promise<RawAnswer> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The body of a 200, or a failed assertion naming what came instead. */
export function ok(answer: RawAnswer): Record<string, unknown> {
  if (answer.status !== 200) {
    throw new Error(`expected 200, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** A 400 of this `__type` (and message), or a failed assertion naming what came instead. */
export function refused(answer: RawAnswer, type: string, message?: RegExp): void {
  const body = JSON.stringify(answer.body);
  if (answer.status !== 400 || answer.body['__type'] !== type) {
    throw new Error(`expected 400 ${type}, got ${answer.status} ${body}`);
  }
  if (message && !message.test(String(answer.body['message']))) {
    throw new Error(`expected a message matching ${message}, got ${body}`);
  }
}
