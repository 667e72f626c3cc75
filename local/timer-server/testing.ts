// Helpers for this folder's tests: a real server on 127.0.0.1:0 and a small JSON fetch.
import { startTimerServer, type RunningTimerServer } from './server.ts';

export async function withServer(
  run: (server: RunningTimerServer) => Promise<void>,
  options: { db?: string; requestTimeoutMs?: number } = {},
): Promise<void> {
  const server = await startTimerServer({ port: 0, db: options.db ?? ':memory:', ...options });
  try {
    await run(server);
  } finally {
    await server.close(1000);
  }
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function call(
  url: string,
  init: { method?: string; body?: unknown; raw?: string | Uint8Array; contentType?: string } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = {};
  let body: string | Uint8Array | undefined = init.raw;
  if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
