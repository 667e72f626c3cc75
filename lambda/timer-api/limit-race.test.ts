// The per-user limit of the Timer Lambda under a race, as it runs on AWS: several execution
// environments ("hosts", each its own instance of the handler module with its own SDK client) on
// one table, many POSTs at once, and deletes racing creates; then the same with 300 ms added to
// every DynamoDB request, so that far more of them overlap. dynalite has no transactions: what
// holds here holds from single-item conditional writes alone (dynamo-limit.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { VALID_DRAFT } from './core/drafts.fixture.ts';
import { startDynalite, type LocalDynamo } from './dynalite.ts';
import type { HttpApiEvent, HttpApiResult } from './event.ts';
import { slowEndpoint, type SlowEndpoint } from './slow-endpoint.ts';
import { META_KEY, TASK_PREFIX } from './table.ts';

const LIMIT = 5;
const HOSTS = 3;
type Handler = (event: HttpApiEvent) => Promise<HttpApiResult>;

let dynamo: LocalDynamo;
let slow: SlowEndpoint;
let doc: DynamoDBDocumentClient;
before(async () => {
  dynamo = await startDynalite(['race-fast', 'race-slow']);
  slow = await slowEndpoint(dynamo.endpoint, 300);
  doc = DynamoDBDocumentClient.from(dynamo.client);
});
after(async () => {
  await slow.close();
  await dynamo.close();
});

/** `HOSTS` fresh instances of the handler, as Lambda starts them, reading their environment once. */
async function hosts(table: string, endpoint: string): Promise<Handler[]> {
  const started: Handler[] = [];
  for (let i = 0; i < HOSTS; i++) {
    Object.assign(process.env, {
      TABLE_NAME: table,
      MAX_TASKS_PER_USER: String(LIMIT),
      DYNAMODB_ENDPOINT: endpoint,
    });
    const module = (await import(`./handler.ts?host=${table}-${i}`)) as { handler: Handler };
    started.push(module.handler);
  }
  return started;
}

function event(
  sub: string,
  method: string,
  path: string,
  init: { body?: unknown; ifMatch?: string } = {},
): HttpApiEvent {
  return {
    version: '2.0',
    rawPath: path,
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      ...(init.ifMatch ? { 'if-match': init.ifMatch } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    isBase64Encoded: false,
    requestContext: { http: { method }, authorizer: { jwt: { claims: { sub } } } },
  };
}

/** The user's tasks and count as stored, read straight from the table. */
async function stored(table: string, sub: string) {
  const { Items = [] } = await doc.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :owner AND begins_with(sk, :task)',
      ExpressionAttributeValues: { ':owner': sub, ':task': TASK_PREFIX },
      ConsistentRead: true,
    }),
  );
  const { Item = {} } = await doc.send(
    new GetCommand({ TableName: table, Key: { pk: sub, sk: META_KEY }, ConsistentRead: true }),
  );
  const markers = Object.keys(Item).filter((name) => /^[pd]_/.test(name));
  return { tasks: Items.length, count: Number(Item['count'] ?? 0), markers };
}

for (const [table, latency] of [
  ['race-fast', 0],
  ['race-slow', 300],
] as const) {
  describe(`the per-user limit across ${HOSTS} Lambda hosts, ${latency} ms added per DynamoDB request`, () => {
    let handlers: Handler[];
    before(async () => {
      handlers = await hosts(table, latency ? slow.endpoint : dynamo.endpoint);
    });
    const on = (i: number, e: HttpApiEvent) => handlers[i % HOSTS]!(e);

    it(`creates exactly ${LIMIT} of 50 parallel POSTs and answers 409 to the other 45`, async () => {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          on(i, event('racer', 'POST', '/tasks', { body: VALID_DRAFT })),
        ),
      );
      const statuses = answers.map((a) => a.statusCode);
      assert.equal(statuses.filter((s) => s === 201).length, LIMIT, String(statuses));
      assert.equal(statuses.filter((s) => s === 409).length, 50 - LIMIT, String(statuses));
      assert.deepEqual(await stored(table, 'racer'), { tasks: LIMIT, count: LIMIT, markers: [] });
      const listed = JSON.parse((await on(0, event('racer', 'GET', '/tasks'))).body) as unknown[];
      assert.equal(listed.length, LIMIT);
    });

    it('never passes the limit while deletes race creates, and refuses nobody below it after', async () => {
      const sub = 'churner';
      // As many at once as the limit allows: all of them are taken.
      const filled = await Promise.all(
        Array.from({ length: LIMIT }, (_, i) =>
          on(i, event(sub, 'POST', '/tasks', { body: VALID_DRAFT })),
        ),
      );
      assert.deepEqual(
        filled.map((a) => a.statusCode),
        Array(LIMIT).fill(201),
      );
      let most = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) most = Math.max(most, (await stored(table, sub)).tasks);
      })();
      // Fewer rounds when every request is slow, to keep the suite's time bounded.
      for (let round = 0; round < (latency ? 2 : 4); round++) {
        const tasks = JSON.parse((await on(round, event(sub, 'GET', '/tasks'))).body) as {
          id: string;
        }[];
        const deletes = tasks
          .slice(0, 2)
          .map((task, i) => on(i, event(sub, 'DELETE', `/tasks/${task.id}`, { ifMatch: '"1"' })));
        const creates = Array.from({ length: 8 }, (_, i) =>
          on(i + 1, event(sub, 'POST', '/tasks', { body: VALID_DRAFT })),
        );
        const statuses = (await Promise.all([...deletes, ...creates])).map((a) => a.statusCode);
        assert.deepEqual(statuses.slice(0, 2), [204, 204]);
        assert.ok(
          statuses.slice(2).every((s) => s === 201 || s === 409),
          String(statuses),
        );
        const now = await stored(table, sub);
        assert.ok(now.tasks <= LIMIT, `round ${round}: ${now.tasks} tasks`);
        assert.equal(now.count, now.tasks, `round ${round}: the count is exact`);
        assert.deepEqual(now.markers, []);
      }
      sampling = false;
      await sampler;
      assert.ok(most <= LIMIT, `${most} tasks at one moment`);
      // Nothing under way now: every POST below the limit is taken, the one past it is not.
      let created = (await stored(table, sub)).tasks;
      while (created < LIMIT) {
        const answer = await on(created, event(sub, 'POST', '/tasks', { body: VALID_DRAFT }));
        assert.equal(answer.statusCode, 201, `refused at ${created} tasks: ${answer.body}`);
        created++;
      }
      assert.equal(
        (await on(0, event(sub, 'POST', '/tasks', { body: VALID_DRAFT }))).statusCode,
        409,
      );
    });
  });
}
