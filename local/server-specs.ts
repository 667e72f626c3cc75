// How to start each of our servers as a child process through its CLI (flags and ready line in
// docs/architecture.md): the reference Timer server, dynalite with the Timer Lambda's table, and
// the local gateway. The local stack and the benches both start them from these specs with
// startProcess (processes.ts), so a flag is spelled in one place.
import { join } from 'node:path';
import { LOCAL_LAMBDA_PARAMETERS_FILE, ROOT } from '../tools/paths.ts';
import type { Managed, StartSpec } from './processes.ts';

/** The ready line each of our servers prints; its capture is the URL it listens on. */
export const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** The URL a server started from one of these specs listens on. */
export function listeningUrl(server: Managed): string {
  return server.ready[1]!;
}

/** Whose tokens pass: an issuer, the app client they were issued to, and optionally scopes. */
export interface Fence {
  issuer: string;
  audience: string;
  /** Comma-separated; when absent the gateway takes the template's and the Timer server asks none. */
  scopes?: string;
}

/** What every spec may add: echo the child's output, abort the start, wait longer or shorter. */
export type SpecOptions = Pick<StartSpec, 'echo' | 'signal' | 'timeoutMs'>;

const node = process.execPath;

function fenceArgs({ issuer, audience, scopes }: Fence): string[] {
  return ['--issuer', issuer, '--audience', audience, ...(scopes ? ['--scopes', scopes] : [])];
}

function spec(name: string, args: string[], options: SpecOptions): StartSpec {
  return { name, command: node, args, ready: LISTENING, timeoutMs: 30_000, ...options };
}

/**
 * The reference Timer server. `db` absent: the server's own default file under local/data/.
 * `'insecure-no-auth'` instead of a fence: nothing checks tokens (the benches' baseline).
 */
export function timerServerSpec(
  server: { port: number; db?: string; fence: Fence | 'insecure-no-auth' },
  options: SpecOptions = {},
): StartSpec {
  const main = join(ROOT, 'local', 'timer-server', 'main.ts');
  const db = server.db === undefined ? [] : ['--db', server.db];
  const fence =
    server.fence === 'insecure-no-auth' ? ['--insecure-no-auth'] : fenceArgs(server.fence);
  return spec('timer-server', [main, '--port', String(server.port), ...db, ...fence], options);
}

/** dynalite (in memory) with the table the gateway resolves `!Ref TasksTable` to offline. */
export function dynaliteSpec(server: { port: number }, options: SpecOptions = {}): StartSpec {
  const main = join(ROOT, 'lambda', 'timer-api', 'dynalite-main.ts');
  return spec('dynalite', [main, '--port', String(server.port), '--table', 'TasksTable'], options);
}

/**
 * The local gateway in front of `upstream` (an HTTP integration, the reference Timer server), or
 * with `lambdaTable` routing to the template's Timer Lambda, whose table is dynalite at that URL.
 */
export function gatewaySpec(
  server: {
    port: number;
    fence: Fence;
    allowedOrigins: readonly string[];
    backend: { upstream: string } | { lambdaTable: string };
  },
  options: SpecOptions = {},
): StartSpec {
  const main = join(ROOT, 'local', 'gateway', 'main.ts');
  const backend =
    'upstream' in server.backend
      ? ['--upstream', server.backend.upstream]
      : [
          '--parameters',
          LOCAL_LAMBDA_PARAMETERS_FILE,
          '--lambda-env',
          `DYNAMODB_ENDPOINT=${server.backend.lambdaTable}`,
        ];
  return spec(
    'gateway',
    [
      main,
      '--port',
      String(server.port),
      ...fenceArgs(server.fence),
      ...backend,
      '--allowed-origins',
      server.allowedOrigins.join(','),
    ],
    options,
  );
}
