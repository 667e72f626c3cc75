// How to start each of our servers as a child process through its CLI (flags and ready line in
// docs/architecture.md): the reference Timer server, dynalite with the Timer Lambda's table, and
// the local gateway. The local stack and the benches both start them from these recipes with
// startProcess (processes.ts), so a flag is spelled in one place.
import { join } from 'node:path';
import { LOCAL_LAMBDA_PARAMETERS_FILE, ROOT } from '../tools/paths.ts';
import type { Managed, StartRecipe } from './processes.ts';

/** The ready line each of our servers prints; its capture is the URL it listens on. */
export const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** The URL a server started from one of these recipes listens on. */
export function listeningUrl(server: Managed): string {
  return server.ready[1]!;
}

/**
 * Whose tokens a server accepts (its --issuer, --audience and --scopes flags): an issuer, the app
 * client they were issued to, and optionally scopes.
 */
export interface AcceptedTokens {
  issuer: string;
  audience: string;
  /** Comma-separated; when absent the gateway takes the template's and the Timer server asks none. */
  scopes?: string;
}

/** What every recipe may add: echo the child's output, abort the start, wait longer or shorter. */
export type StartOptions = Pick<StartRecipe, 'echo' | 'signal' | 'timeoutMs'>;

const node = process.execPath;

function authArgs({ issuer, audience, scopes }: AcceptedTokens): string[] {
  return ['--issuer', issuer, '--audience', audience, ...(scopes ? ['--scopes', scopes] : [])];
}

function recipe(name: string, args: string[], options: StartOptions): StartRecipe {
  return { name, command: node, args, ready: LISTENING, timeoutMs: 30_000, ...options };
}

/**
 * The reference Timer server. `db` absent: the server's own default file under local/data/.
 * `auth: 'insecure-no-auth'`: nothing checks tokens (the benches' baseline).
 */
export function timerServerRecipe(
  server: { port: number; db?: string; auth: AcceptedTokens | 'insecure-no-auth' },
  options: StartOptions = {},
): StartRecipe {
  const main = join(ROOT, 'local', 'timer-server', 'main.ts');
  const db = server.db === undefined ? [] : ['--db', server.db];
  const auth = server.auth === 'insecure-no-auth' ? ['--insecure-no-auth'] : authArgs(server.auth);
  return recipe('timer-server', [main, '--port', String(server.port), ...db, ...auth], options);
}

/** dynalite (in memory) with the table the gateway resolves `!Ref TasksTable` to offline. */
export function dynaliteRecipe(server: { port: number }, options: StartOptions = {}): StartRecipe {
  const main = join(ROOT, 'lambda', 'timer-api', 'dynalite-main.ts');
  return recipe(
    'dynalite',
    [main, '--port', String(server.port), '--table', 'TasksTable'],
    options,
  );
}

/**
 * The local gateway in front of `upstream` (an HTTP integration, the reference Timer server), or
 * with `lambdaTable` routing to the template's Timer Lambda, whose table is dynalite at that URL.
 */
export function gatewayRecipe(
  server: {
    port: number;
    auth: AcceptedTokens;
    allowedOrigins: readonly string[];
    backend: { upstream: string } | { lambdaTable: string };
    /** Append one JSON line per request to this file, as a stage's access log. */
    accessLog?: string;
  },
  options: StartOptions = {},
): StartRecipe {
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
  return recipe(
    'gateway',
    [
      main,
      '--port',
      String(server.port),
      ...authArgs(server.auth),
      ...backend,
      '--allowed-origins',
      server.allowedOrigins.join(','),
      ...(server.accessLog === undefined ? [] : ['--access-log', server.accessLog]),
    ],
    options,
  );
}
