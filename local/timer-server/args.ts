import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

export const DEFAULT_PORT = 3100;
/** Gitignored (local/data/), so a developer's tasks never end up in a commit. */
export const DEFAULT_DB = fileURLToPath(new URL('../data/timer.sqlite', import.meta.url));

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliOptions {
  port: number;
  db: string;
}

/** `--port N` (0–65535, default 3100) and `--db FILE|:memory:`. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values: { port?: string; db?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, db: { type: 'string' } },
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
  return { port, db: values.db ?? DEFAULT_DB };
}
