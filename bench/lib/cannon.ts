// Typed access to autocannon (it ships no type declarations).
import { createRequire } from 'node:module';

export interface CannonOptions {
  readonly url: string;
  readonly connections: number;
  readonly duration?: number;
  readonly amount?: number;
  readonly headers?: Record<string, string>;
  readonly timeout?: number;
}

export interface CannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p99: number; readonly average: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statusCodeStats: Record<string, { count: number }>;
}

type Autocannon = (options: CannonOptions) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export function cannon(options: CannonOptions): Promise<CannonResult> {
  return autocannon({ timeout: 10, ...options });
}

/**
 * `GET base/tasks` with `authorization` from 16 connections for `duration` seconds: the load of
 * the chain benchmarks. A run with any error, timeout or non-2xx answer measures something else,
 * so it throws, naming `who`.
 */
export async function authorizedGets(
  who: string,
  base: string,
  authorization: string,
  duration: number,
): Promise<CannonResult> {
  const result = await cannon({
    url: `${base}/tasks`,
    connections: 16,
    duration,
    headers: { authorization },
  });
  if (result.errors || result.non2xx || result.timeouts) {
    throw new Error(
      `${who}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`,
    );
  }
  return result;
}
