import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { csvFlag, jwksMaxAgeFlag, scopesFlag, urlFlag } from '../jwt-authorizer/flags.ts';
import type { TokenAuthOptions } from './authenticate.ts';
import { DEFAULT_MAX_TASKS_PER_OWNER } from '../../lambda/timer-api/core/task-store.ts';

export const DEFAULT_PORT = 3100;
/** Gitignored (local/data/), so a developer's tasks never end up in a commit. */
export const DEFAULT_DB = fileURLToPath(new URL('../data/timer.sqlite', import.meta.url));

export const USAGE = [
  'usage: npm run timer-server -- --port N [--db FILE|:memory:] --issuer URL --audience ID[,ID] [--scopes CSV] [--jwks-max-age SECONDS] [--max-tasks-per-user N]',
  '   or: npm run timer-server -- --port N [--db FILE|:memory:] --insecure-no-auth',
  '   or: npm run timer-server -- --help',
  '',
  'The reference Timer API (openapi/timer-api.yaml) on SQLite, on 127.0.0.1. Every request needs an',
  'access token from --issuer for one of --audience (and one of --scopes, when given); each task',
  'belongs to its token\'s sub. Prints "listening on http://127.0.0.1:PORT" when ready.',
  '  --port N                 0-65535, 0 picks a free port (default 3100)',
  '  --db FILE|:memory:       the SQLite file, created with its folder (default local/data/timer.sqlite)',
  '  --max-tasks-per-user N   past it, creating answers 409 (default 1000)',
  '  --jwks-max-age SECONDS   how long a fetched key set is used (default 3600)',
  '  --insecure-no-auth       no token checks, one owner for every task: never behind a public URL',
].join('\n');

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliOptions {
  port: number;
  db: string;
  auth: TokenAuthOptions | 'insecure-no-auth';
  maxTasksPerUser: number;
}

/**
 * `--port N` (0–65535, default 3100), `--db FILE|:memory:`, and who may call: `--issuer` and
 * `--audience` (with optional `--scopes`), or `--insecure-no-auth`. Neither is an error: the
 * server never starts open by accident.
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        db: { type: 'string' },
        issuer: { type: 'string' },
        audience: { type: 'string' },
        scopes: { type: 'string' },
        'jwks-max-age': { type: 'string' },
        'insecure-no-auth': { type: 'boolean' },
        'max-tasks-per-user': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || !Number.isInteger(port) || port > 65535) {
    throw new UsageError(`--port must be an integer from 0 to 65535, got ${values.port}`);
  }
  if (values.db === '') throw new UsageError('--db must be a file path or :memory:');
  const max = values['max-tasks-per-user'] ?? String(DEFAULT_MAX_TASKS_PER_OWNER);
  if (!/^[1-9]\d{0,6}$/.test(max)) {
    throw new UsageError(`--max-tasks-per-user must be an integer from 1 to 9999999, got ${max}`);
  }
  return {
    port,
    db: values.db ?? DEFAULT_DB,
    auth: authOf(values),
    maxTasksPerUser: Number(max),
  };
}

function authOf(values: {
  issuer?: string;
  audience?: string;
  scopes?: string;
  'jwks-max-age'?: string;
  'insecure-no-auth'?: boolean;
}): CliOptions['auth'] {
  const tokenFlags = [values.issuer, values.audience, values.scopes, values['jwks-max-age']].some(
    (v) => v !== undefined,
  );
  if (values['insecure-no-auth']) {
    if (tokenFlags) {
      throw new UsageError(
        '--insecure-no-auth cannot be combined with --issuer/--audience/--scopes',
      );
    }
    return 'insecure-no-auth';
  }
  try {
    const issuer = urlFlag('issuer', values.issuer);
    const audience = csvFlag('audience', values.audience);
    if (issuer === undefined || audience === undefined) {
      throw new UsageError(
        "--issuer and --audience are required: the server verifies every request's token itself (pass --insecure-no-auth to run without, with every task owned by one user)",
      );
    }
    const jwksMaxAgeSeconds = jwksMaxAgeFlag(values['jwks-max-age']);
    return {
      issuer,
      audience,
      scopes: scopesFlag(values.scopes) ?? [],
      ...(jwksMaxAgeSeconds === undefined ? {} : { jwksMaxAgeSeconds }),
    };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}
