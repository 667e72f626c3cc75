// Test helper of the cognito tests: a real cognito-local process in a fresh data folder, seeded.
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { after, afterEach, before } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cognitoCall, cognitoRequest } from './api.ts';
import { startCognitoLocal, type CognitoLocal } from './cognito-local.ts';
import { resetLocalClock } from './local-clock.ts';
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
  const response = await cognitoRequest(endpoint, action, body);
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

type Options = Parameters<typeof startSeededCognito>[0];

/** A test file's cognito-local: started and seeded before its tests, stopped after them. */
export interface TestCognito {
  readonly cognito: CognitoLocal;
  readonly seeded: Seeded;
  readonly dataDir: string;
  readonly endpoint: string;
  /** Where its data file is, for `codes.ts`. */
  readonly data: { cognitoDataDir: string; userPoolId: string };
  /** An action on it over plain HTTP. */
  call(action: string, body: Record<string, unknown>): Promise<RawAnswer>;
  /** Stops it and starts it again on the same data. */
  restart(): Promise<void>;
}

/**
 * Registers the test file's hooks: cognito-local started and seeded with `options` before its
 * tests, in a data dir of its own (kept across `restart`), the emulated clock put back after each
 * test, stopped and its folder removed after all. (node:test runs a file's `before` hooks without
 * waiting for each other, so a test file seeds more through a lazily run helper, not a hook.)
 */
export function useSeededCognito(options: Omit<Options, 'dataDir'> = {}): TestCognito {
  const dataDir = mkdtempSync(join(tmpdir(), 'cognito-test-'));
  let current: SeededCognito | undefined;
  before(
    async () => {
      current = await startSeededCognito({ ...options, dataDir });
    },
    { timeout: 60_000 },
  );
  afterEach(() => resetLocalClock(dataDir));
  after(async () => {
    await current?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  const started = () => {
    if (!current) throw new Error('cognito-local is not started');
    return current;
  };
  return {
    get cognito() {
      return started().cognito;
    },
    get seeded() {
      return started().seeded;
    },
    dataDir,
    get endpoint() {
      return started().cognito.endpoint;
    },
    get data() {
      return { cognitoDataDir: dataDir, userPoolId: started().seeded.userPoolId };
    },
    call: (action, body) => rawCall(started().cognito.endpoint, action, body),
    restart: async () => {
      await started().stop();
      current = await startSeededCognito({ ...options, dataDir });
    },
  };
}

/** A new pool of `poolName` (seeded as usual) whose only first factor is a password. */
export async function seedPasswordOnlyPool(endpoint: string, poolName: string): Promise<Seeded> {
  const pool = await seedCognito(endpoint, { poolName });
  await cognitoCall(endpoint, 'UpdateUserPool', {
    UserPoolId: pool.userPoolId,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } },
  });
  return pool;
}
