// Helpers for this folder's tests: a real server on 127.0.0.1:0, a small JSON fetch, raw
// HTTP/1.1 over a socket (for what fetch refuses to send), and the spec's check of a problem.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { loadTimerSchemas } from '../../lambda/timer-api/core/schema.ts';
import { startTimerServer, type RunningTimerServer, type TimerServerOptions } from './server.ts';

/**
 * A server on 127.0.0.1:0 for the duration of `run`. Without `auth` it checks no token (one owner
 * for every task): the tests of HTTP behaviour that does not depend on who calls;
 * ownership.test.ts runs it with a real issuer.
 */
export async function withServer(
  run: (server: RunningTimerServer) => Promise<void>,
  options: Partial<TimerServerOptions> = {},
): Promise<void> {
  const server = await startTimerServer({
    port: 0,
    db: ':memory:',
    auth: 'insecure-no-auth',
    ...options,
  });
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
  init: {
    method?: string;
    body?: unknown;
    raw?: string | Uint8Array;
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = { ...init.headers };
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

/**
 * Every task at `url`/tasks, following the `next` links (RFC 8288) page by page as a client does;
 * `init` adds headers (a token).
 */
export async function listAll(
  url: string,
  init: Parameters<typeof call>[1] = {},
): Promise<unknown[]> {
  const tasks: unknown[] = [];
  for (let next: string | undefined = `${url}/tasks`; next !== undefined;) {
    const page = await call(next, init);
    assert.equal(page.status, 200, page.text);
    tasks.push(...(page.json as unknown[]));
    const link = /<([^>]*)>;\s*rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
    next = link === undefined ? undefined : new URL(link, next).href;
  }
  return tasks;
}

/** Writes `text` as is on a new connection; resolves with everything the server sent until it closed. */
export function exchange(url: string, text: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error(`server never closed: ${data}`)));
    socket.write(text);
  });
}

/**
 * The response at the front of `text` (what `exchange` received) and the bytes after it. A
 * response to HEAD has no body whatever its Content-Length says (RFC 9110 §9.3.2): `bodyless`.
 */
export function parseResponse(text: string, { bodyless = false } = {}) {
  const end = text.indexOf('\r\n\r\n');
  assert.ok(end > 0, `not an HTTP response: ${JSON.stringify(text)}`);
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers = new Headers(
    lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
  );
  const length = bodyless ? 0 : Number(headers.get('content-length') ?? 0);
  const body = text.slice(end + 4, end + 4 + length);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1]);
  return { statusLine, status, headers, text: body, json, rest: text.slice(end + 4 + length) };
}

const schemas = loadTimerSchemas();

/** A problem+json response with this status, valid per the spec's Problem schema, with a detail. */
export function assertProblem(
  response: { status: number; headers: Headers; json: unknown },
  status: number,
) {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  assert.ok(
    schemas.isProblem(response.json),
    `not a Problem per the spec: ${JSON.stringify(response.json)}`,
  );
  const problem = response.json as { type: string; title: string; status: number; detail: string };
  assert.equal(problem.status, status);
  assert.equal(typeof problem.detail, 'string');
  return problem as typeof problem & { errors?: { field: string; message: string }[] };
}
