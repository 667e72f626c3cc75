// Bounded cost for any body: the CPU each backend spends refusing the worst request bodies
// (lambda/timer-api/core/worst-bodies.fixture.ts: many unknown fields, a huge field name,
// deep nesting, long arrays, long strings, control characters, invalid JSON), each within the
// 64 KiB limit, against the CPU of an ordinary mistake (a draft with hour 24, refused by the schema)
// on the same backend, both in this run: both are refused before any storage, so the ratio is what
// the worst body adds to judging a body at all.
// In process, as the transports call them: the Timer Lambda's handler with a payload 2.0 event
// (body base64-encoded, as API Gateway sends it) on dynalite, and the reference server's core on
// SQLite in memory. CPU is the process's user + system time (process.cpuUsage), GC included.
// Target: the worst body costs at most 10 ms of CPU.
import { VALID_DRAFT } from '../lambda/timer-api/core/drafts.fixture.ts';
import { WORST_BODIES } from '../lambda/timer-api/core/worst-bodies.fixture.ts';
import { loadTimerSchemas } from '../lambda/timer-api/core/schema.ts';
import { createTimerHandler, type TimerRequest } from '../lambda/timer-api/core/timer-handler.ts';
import { startDynalite } from '../lambda/timer-api/dynalite.ts';
import type { HttpApiEvent, HttpApiResult } from '../lambda/timer-api/event.ts';
import { openTaskStore } from '../local/timer-server/store.ts';
import { row, type BenchRow } from './lib/result.ts';

const TARGET_MS = 10;
type Send = (json: string, i: number) => Promise<number>;

/** Mean CPU milliseconds per call of `send` over `time` ms (at least 20 calls), after a warm-up. */
async function cpuPerCall(
  send: Send,
  json: string,
  time: number,
  expected: number,
): Promise<number> {
  for (let i = 0; i < 5; i++) await send(json, i);
  const started = performance.now();
  const before = process.cpuUsage();
  let calls = 0;
  while (calls < 20 || performance.now() - started < time) {
    const status = await send(json, calls);
    if (status !== expected) throw new Error(`expected ${expected}, got ${status}`);
    calls++;
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}

const MISTAKE = JSON.stringify({ ...VALID_DRAFT, hour: 24 });

/** The worst body's CPU per request, and an ordinary mistake's. */
async function measure(label: string, send: Send, time: number) {
  const each = Math.max(100, time / WORST_BODIES.length);
  let worst = { title: '', ms: 0 };
  for (const [title, json] of WORST_BODIES) {
    const ms = await cpuPerCall(send, json, each, 400);
    if (ms > worst.ms) worst = { title, ms };
  }
  const baseline = await cpuPerCall(send, MISTAKE, each, 400);
  console.error(
    `  ${label}: worst body "${worst.title}" ${worst.ms.toFixed(3)} ms CPU (target ≤ ${TARGET_MS}), a draft with hour 24 ${baseline.toFixed(3)} ms`,
  );
  return row(
    `worst request body, CPU per request (target ≤ ${TARGET_MS} ms): ${label} vs a draft with hour 24`,
    'ms/req',
    worst.ms,
    baseline,
  );
}

export async function worstBodyBenchmarks(time: number): Promise<BenchRow[]> {
  const dynamo = await startDynalite(['worst-body']);
  const sqlite = openTaskStore(':memory:');
  try {
    Object.assign(process.env, { TABLE_NAME: 'worst-body', DYNAMODB_ENDPOINT: dynamo.endpoint });
    const { handler } = (await import(
      // Its own instance of the module, reading the environment set just above.
      new URL('../lambda/timer-api/handler.ts?worst-body', import.meta.url).href
    )) as {
      handler: (event: HttpApiEvent) => Promise<HttpApiResult>;
    };
    const lambda: Send = async (json, i) => {
      const event: HttpApiEvent = {
        version: '2.0',
        rawPath: '/tasks',
        rawQueryString: '',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(json).toString('base64'),
        isBase64Encoded: true,
        requestContext: {
          http: { method: 'POST' },
          authorizer: { jwt: { claims: { sub: `bench-${i % 100}` } } },
        },
      };
      return (await handler(event)).statusCode;
    };
    const core = createTimerHandler(sqlite, loadTimerSchemas());
    const reference: Send = async (json, i) => {
      const bytes = Buffer.from(json);
      const request: TimerRequest = {
        method: 'POST',
        url: '/tasks',
        header: (name) =>
          name === 'content-type'
            ? 'application/json'
            : name === 'content-length'
              ? String(bytes.length)
              : undefined,
        readBody: async () => bytes,
      };
      return (await core(`bench-${i % 100}`, request)).status;
    };
    return [
      await measure('reference core on SQLite', reference, time),
      await measure('Lambda handler on dynalite', lambda, time),
    ];
  } finally {
    sqlite.close();
    await dynamo.close();
  }
}
