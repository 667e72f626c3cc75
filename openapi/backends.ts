// The two Timer backends the contract suites run against, each as a client reaches it over HTTP:
// - reference: the Timer server on SQLite, which verifies the token itself (its second fence);
// - lambda: the local gateway (JWT authorizer on $default, as api.yaml in Lambda mode) hosting the
//   built Timer Lambda, on dynalite. Here a caller's refusal (401/403) is API Gateway's own answer,
//   before the function runs; everything else is the function's.
import { after, before } from 'node:test';
import { startGateway } from '../local/gateway/server.ts';
import { loadGatewayConfig } from '../local/gateway/template.ts';
import { startTimerServer } from '../local/timer-server/server.ts';
import { startDynalite } from '../lambda/timer-api/dynalite.ts';
import { CORS_LAMBDA_FILE, LOCAL_LAMBDA_PARAMETERS_FILE, TEMPLATE_FILE } from '../tools/paths.ts';

export type BackendKind = 'reference' | 'lambda';
export const BACKEND_KINDS: readonly BackendKind[] = ['reference', 'lambda'];

/** What the gateway resolves `!Ref TasksTable` to offline: the logical id (cfn-lib/resolve.ts). */
export const LOCAL_TABLE_NAME = 'TasksTable';

export interface BackendOptions {
  issuer: string;
  audience: string[];
  scopes: string[];
  maxTasksPerUser?: number;
}

export interface Backend {
  readonly kind: BackendKind;
  readonly url: string;
  close(): Promise<void>;
}

export async function startBackend(kind: BackendKind, options: BackendOptions): Promise<Backend> {
  if (kind === 'reference') {
    const server = await startTimerServer({
      port: 0,
      db: ':memory:',
      auth: { issuer: options.issuer, audience: options.audience, scopes: options.scopes },
      ...(options.maxTasksPerUser ? { maxTasksPerUser: options.maxTasksPerUser } : {}),
    });
    return { kind, url: server.url, close: () => server.close(1000) };
  }
  const dynamo = await startDynalite([LOCAL_TABLE_NAME]);
  try {
    const config = loadGatewayConfig(TEMPLATE_FILE, LOCAL_LAMBDA_PARAMETERS_FILE, {
      issuer: options.issuer,
      audience: options.audience,
      scopes: options.scopes,
      lambdaEnv: {
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        ...(options.maxTasksPerUser ? { MAX_TASKS_PER_USER: String(options.maxTasksPerUser) } : {}),
      },
    });
    const gateway = await startGateway({
      config,
      lambdaFile: CORS_LAMBDA_FILE,
      log: () => undefined,
    });
    return {
      kind,
      url: gateway.url,
      close: async () => {
        await gateway.close();
        await dynamo.close();
      },
    };
  } catch (error) {
    await dynamo.close();
    throw error;
  }
}

/**
 * For a suite of tests: the backend of `kind` started before its tests (with `options()`, read
 * then, so they may name an issuer started earlier) and closed after them. Call the returned
 * function inside a test for the running backend.
 */
export function suiteBackend(kind: BackendKind, options: () => BackendOptions): () => Backend {
  let backend: Backend | undefined;
  before(async () => {
    backend = await startBackend(kind, options());
  });
  after(() => backend?.close());
  return () => {
    if (!backend) throw new Error(`the ${kind} backend is not running`);
    return backend;
  };
}
