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
