// The Timer API's cost per request on its two backends, in process and without HTTP in front: the
// Timer Lambda's handler (payload 2.0 event in, result out) on dynalite over loopback, against the
// reference server's core on SQLite in memory. Same core, same requests (GET of a list of 10 tasks
// and a conditional PUT); the difference is the storage path. Measured, not targeted: dynalite is
// a stand-in, so the row says what the Lambda's own code and the SDK cost here, not DynamoDB.
import { Bench } from 'tinybench';
import { VALID_DRAFT } from '../lambda/timer-api/core/drafts.fixture.ts';
import { loadTimerSchemas } from '../lambda/timer-api/core/schema.ts';
import { createTimerHandler, type TimerRequest } from '../lambda/timer-api/core/timer-handler.ts';
import { openTaskStore } from '../local/timer-server/store.ts';
import { startDynalite } from '../lambda/timer-api/dynalite.ts';
import type { HttpApiEvent, HttpApiResult } from '../lambda/timer-api/event.ts';
import { nsPerOp, row, type BenchRow } from './lib/result.ts';

const OWNER = 'bench-user';
const TASKS = 10;

function request(method: string, url: string, body?: unknown, ifMatch?: string): TimerRequest {
  const bytes = Buffer.from(body === undefined ? '' : JSON.stringify(body));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (ifMatch) headers['if-match'] = ifMatch;
  return { method, url, header: (name) => headers[name], readBody: async () => bytes };
}

function event(method: string, path: string, body?: unknown, ifMatch?: string): HttpApiEvent {
  return {
    version: '2.0',
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
    requestContext: { http: { method }, authorizer: { jwt: { claims: { sub: OWNER } } } },
  };
}

export async function lambdaBenchmarks(time: number): Promise<BenchRow[]> {
  const dynamo = await startDynalite(['bench-tasks']);
  const sqlite = openTaskStore(':memory:');
  try {
    Object.assign(process.env, { TABLE_NAME: 'bench-tasks', DYNAMODB_ENDPOINT: dynamo.endpoint });
    const { handler } = (await import('../lambda/timer-api/handler.ts')) as {
      handler: (e: HttpApiEvent) => Promise<HttpApiResult>;
    };
    const reference = createTimerHandler(sqlite, loadTimerSchemas());
    let lambdaId = '';
    let referenceId = '';
    for (let i = 0; i < TASKS; i++) {
      lambdaId = JSON.parse((await handler(event('POST', '/tasks', VALID_DRAFT))).body).id;
      referenceId = JSON.parse(
        (await reference(OWNER, request('POST', '/tasks', VALID_DRAFT))).body,
      ).id;
    }
    const versions = { lambda: 1, reference: 1 };
    const bench = new Bench({ time, warmup: true });
    bench.add('lambda', async () => {
      await handler(event('GET', '/tasks'));
      const put = await handler(
        event('PUT', `/tasks/${lambdaId}`, VALID_DRAFT, `"${versions.lambda}"`),
      );
      if (put.statusCode !== 200) throw new Error(`lambda PUT ${put.statusCode}`);
      versions.lambda++;
    });
    bench.add('reference', async () => {
      await reference(OWNER, request('GET', '/tasks'));
      const url = `/tasks/${referenceId}`;
      const put = await reference(
        OWNER,
        request('PUT', url, VALID_DRAFT, `"${versions.reference}"`),
      );
      if (put.status !== 200) throw new Error(`reference PUT ${put.status}`);
      versions.reference++;
    });
    await bench.run();
    const ns = (name: string) => nsPerOp(bench.getTask(name) ?? { name, result: {} });
    return [
      row(
        `Timer API per request (GET of ${TASKS} + conditional PUT, halved): Lambda handler on dynalite vs reference core on SQLite`,
        'µs/req',
        ns('lambda') / 2 / 1000,
        ns('reference') / 2 / 1000,
      ),
    ];
  } finally {
    sqlite.close();
    await dynamo.close();
  }
}
