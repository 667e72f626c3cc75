// The handler with payload 2.0 events, from source and as the built artifact in a fresh Node
// process the way Lambda loads it, against dynalite with the real SDK v3.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST } from '../../tools/paths.ts';
import { VALID_DRAFT } from './core/drafts.fixture.ts';
import { loadTimerSchemas } from './core/schema.ts';
import { startDynalite, type LocalDynamo } from './dynalite.ts';
import { bundleTimerHandler } from './build.ts';
import type { HttpApiEvent, HttpApiResult } from './event.ts';

const schemas = loadTimerSchemas();
let dynamo: LocalDynamo;
let handler: (event: HttpApiEvent) => Promise<HttpApiResult>;
const ENV = { TABLE_NAME: 'tasks', MAX_TASKS_PER_USER: '2' };

before(async () => {
  dynamo = await startDynalite(['tasks']);
  Object.assign(process.env, ENV, { DYNAMODB_ENDPOINT: dynamo.endpoint });
  ({ handler } = await import('./handler.ts'));
});
after(() => dynamo.close());

function event(
  method: string,
  path: string,
  init: {
    sub?: string;
    body?: unknown;
    raw?: string;
    base64?: boolean;
    headers?: Record<string, string>;
  } = {},
): HttpApiEvent {
  const text = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  return {
    version: '2.0',
    rawPath: path,
    rawQueryString: '',
    headers: {
      ...(text === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(text === undefined
      ? { isBase64Encoded: false }
      : init.base64
        ? { body: Buffer.from(text).toString('base64'), isBase64Encoded: true }
        : { body: text, isBase64Encoded: false }),
    requestContext: {
      http: { method },
      ...(init.sub === undefined ? {} : { authorizer: { jwt: { claims: { sub: init.sub } } } }),
    },
  };
}

const json = (result: HttpApiResult) => JSON.parse(result.body) as Record<string, unknown>;

describe('Timer Lambda handler', () => {
  it('refuses an event without verified claims, or a sub that cannot own tasks, with 401', async () => {
    const unusable = ['', '\ud800x', '\udc00x', 'x'.repeat(256), 'é'.repeat(128), 'a\u0000b'];
    for (const e of [
      event('GET', '/tasks'),
      ...unusable.map((sub) => event('GET', '/tasks', { sub })),
      ...unusable.map((sub) => event('POST', '/tasks', { sub, body: VALID_DRAFT })),
    ]) {
      const result = await handler(e);
      assert.equal(result.statusCode, 401);
      assert.equal(result.headers['content-type'], 'application/problem+json');
      assert.ok(schemas.isProblem(json(result)));
      assert.match(result.headers['www-authenticate'] ?? '', /^Bearer /);
    }
  });

  it('creates, reads, updates with If-Match and deletes, scoped to the claims sub', async () => {
    const created = await handler(
      event('POST', '/tasks', { sub: 'alice', body: VALID_DRAFT, base64: true }),
    );
    assert.equal(created.statusCode, 201, created.body);
    const task = json(created);
    assert.ok(schemas.isTask(task));
    assert.equal(created.headers['etag'], '"1"');
    assert.equal(created.headers['location'], `/tasks/${task['id']}`);
    assert.equal(
      (await handler(event('GET', `/tasks/${task['id']}`, { sub: 'bob' }))).statusCode,
      404,
    );
    assert.deepEqual(json(await handler(event('GET', '/tasks', { sub: 'bob' }))), []);
    const head = await handler(event('HEAD', `/tasks/${task['id']}`, { sub: 'alice' }));
    assert.equal(head.statusCode, 200);
    assert.equal(head.body, '');
    const stale = await handler(
      event('PUT', `/tasks/${task['id']}`, {
        sub: 'alice',
        body: VALID_DRAFT,
        headers: { 'if-match': '"7"' },
      }),
    );
    assert.equal(stale.statusCode, 412);
    const updated = await handler(
      event('PUT', `/tasks/${task['id']}`, {
        sub: 'alice',
        body: { ...VALID_DRAFT, name: 'x' },
        headers: { 'if-match': '"1"' },
      }),
    );
    assert.equal(updated.statusCode, 200);
    assert.equal(updated.headers['etag'], '"2"');
    assert.equal(
      (await handler(event('DELETE', `/tasks/${task['id']}`, { sub: 'bob' }))).statusCode,
      404,
    );
    assert.equal(
      (await handler(event('DELETE', `/tasks/${task['id']}`, { sub: 'alice' }))).statusCode,
      204,
    );
  });

  it('answers every bad input with a typed 4xx problem, and 409 past the per-user limit', async () => {
    const cases: [HttpApiEvent, number][] = [
      [event('POST', '/tasks', { sub: 'carol', raw: '{' }), 400],
      [event('POST', '/tasks', { sub: 'carol', body: { ...VALID_DRAFT, hour: 24 } }), 400],
      [
        event('POST', '/tasks', {
          sub: 'carol',
          raw: JSON.stringify(VALID_DRAFT),
          headers: { 'content-type': 'text/plain' },
        }),
        415,
      ],
      [event('POST', '/tasks', { sub: 'carol', raw: 'x'.repeat(70_000), base64: true }), 413],
      [event('POST', '/tasks', { sub: 'carol', raw: 'x'.repeat(70_000) }), 413],
      [event('PATCH', '/tasks', { sub: 'carol' }), 405],
      [event('GET', '/nope', { sub: 'carol' }), 404],
      [event('DELETE', '/tasks/x', { sub: 'carol', headers: { 'if-match': 'nope' } }), 400],
    ];
    for (const [e, status] of cases) {
      const result = await handler(e);
      assert.equal(result.statusCode, status, `${e.requestContext?.http?.method} ${result.body}`);
      assert.ok(schemas.isProblem(json(result)), result.body);
    }
    for (let i = 0; i < 2; i++) {
      assert.equal(
        (await handler(event('POST', '/tasks', { sub: 'dave', body: VALID_DRAFT }))).statusCode,
        201,
      );
    }
    const full = await handler(event('POST', '/tasks', { sub: 'dave', body: VALID_DRAFT }));
    assert.equal(full.statusCode, 409);
    assert.equal(json(full)['type'], 'urn:problem-type:timer-api:task-limit');
  });

  it('runs as the built bundle, with the AWS SDK from outside it, in a fresh process', async () => {
    const code = await bundleTimerHandler();
    assert.ok(!code.includes('ConditionalCheckFailedException extends'), 'the SDK is not bundled');
    // Inside the repository, so the SDK resolves from node_modules as the runtime provides it.
    await mkdir(DIST, { recursive: true });
    const dir = await mkdtemp(join(DIST, '.timer-bundle-'));
    try {
      await writeFile(join(dir, 'index.mjs'), code);
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});
           console.log(JSON.stringify(await handler(JSON.parse(process.env.EVENT))));`,
        ],
        {
          env: {
            ...ENV,
            DYNAMODB_ENDPOINT: dynamo.endpoint,
            EVENT: JSON.stringify(event('POST', '/tasks', { sub: 'erin', body: VALID_DRAFT })),
          },
        },
      );
      const result = JSON.parse(stdout) as HttpApiResult;
      assert.equal(result.statusCode, 201, result.body);
      assert.ok(schemas.isTask(json(result)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
