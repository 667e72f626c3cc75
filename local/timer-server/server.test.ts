import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { deflateSync, gzipSync } from 'node:zlib';
import { DRAFT_CASES, VALID_DRAFT } from '../../lambda/timer-api/core/drafts.fixture.ts';
import { loadTimerSchemas } from '../../lambda/timer-api/core/schema.ts';
import { assertProblem, call, listAll, withServer } from './testing.ts';

const schemas = loadTimerSchemas();
type Task = typeof VALID_DRAFT & {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

function assertTask(value: unknown): asserts value is Task {
  assert.ok(schemas.isTask(value), `not a Task per the spec: ${JSON.stringify(value)}`);
}

describe('timer server: endpoints', () => {
  it('creates, lists, gets, replaces and deletes a task', () =>
    withServer(async ({ url }) => {
      assert.deepEqual((await call(`${url}/tasks`)).json, []);

      const created = await call(`${url}/tasks`, { method: 'POST', body: VALID_DRAFT });
      assert.equal(created.status, 201);
      assertTask(created.json);
      const task = created.json;
      assert.deepEqual(
        { ...task, id: undefined, createdAt: undefined, updatedAt: undefined, version: undefined },
        {
          ...VALID_DRAFT,
          id: undefined,
          createdAt: undefined,
          updatedAt: undefined,
          version: undefined,
        },
      );
      assert.equal(task.createdAt, task.updatedAt);
      assert.ok(Math.abs(Date.parse(task.createdAt) - Date.now()) < 60_000);
      assert.equal(created.headers.get('location'), `/tasks/${task.id}`);

      const fetched = await call(new URL(created.headers.get('location') ?? '', url).href);
      assert.equal(fetched.status, 200);
      assert.deepEqual(fetched.json, task);
      assert.deepEqual((await call(`${url}/tasks`)).json, [task]);

      await new Promise((resolve) => setTimeout(resolve, 5)); // so updatedAt can move on
      const replacement = {
        name: 'Renamed',
        hour: 23,
        minute: 59,
        daysOfWeek: ['SUN'],
        executionCommand: 'true',
      };
      const updated = await call(`${url}/tasks/${task.id}`, {
        method: 'PUT',
        body: replacement,
        headers: { 'if-match': `"${task.version}"` },
      });
      assert.equal(updated.status, 200);
      assertTask(updated.json);
      assert.equal(updated.json.id, task.id);
      assert.equal(updated.json.createdAt, task.createdAt);
      // Every write moves the version on, and the ETag follows it.
      assert.equal(updated.json.version, task.version + 1);
      assert.equal(updated.headers.get('etag'), `"${task.version + 1}"`);
      assert.ok(updated.json.updatedAt > task.updatedAt);
      // PUT replaces: fields left out of the body are gone, not merged.
      assert.equal(updated.json.description, undefined);
      assert.equal(updated.json.executeUntil, undefined);
      assert.deepEqual((await call(`${url}/tasks/${task.id}`)).json, updated.json);

      const deleted = await call(`${url}/tasks/${task.id}`, { method: 'DELETE' });
      assert.equal(deleted.status, 204);
      assert.equal(deleted.text, '');
      assertProblem(await call(`${url}/tasks/${task.id}`), 404);
      assert.deepEqual((await call(`${url}/tasks`)).json, []);
    }));

  it('lists tasks oldest first', () =>
    withServer(async ({ url }) => {
      const ids: string[] = [];
      for (const name of ['a', 'b', 'c']) {
        const created = await call(`${url}/tasks`, {
          method: 'POST',
          body: { ...VALID_DRAFT, name },
        });
        ids.push((created.json as Task).id);
      }
      const list = (await call(`${url}/tasks`)).json as Task[];
      assert.deepEqual(
        list.map((t) => t.id),
        ids,
      );
      list.forEach(assertTask);
    }));

  it('answers 404 with a problem for unknown ids on GET, PUT and DELETE', () =>
    withServer(async ({ url }) => {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const response = await call(`${url}/tasks/no-such-id`, {
          method,
          body: method === 'PUT' ? VALID_DRAFT : undefined,
          headers: { 'if-match': '*' },
        });
        assert.equal(assertProblem(response, 404).detail, 'No task with this id');
      }
      assertProblem(await call(`${url}/nothing-here`), 404);
      assertProblem(await call(`${url}/tasks/a/b`), 404);
      assertProblem(await call(`${url}/tasks/%E0%A4%A`), 404);
    }));

  it('answers 405 with Allow for methods the resource does not have', () =>
    withServer(async ({ url }) => {
      const onCollection = await call(`${url}/tasks`, { method: 'DELETE' });
      assertProblem(onCollection, 405);
      assert.equal(onCollection.headers.get('allow'), 'GET, HEAD, POST');
      const onItem = await call(`${url}/tasks/x`, { method: 'PATCH', body: {} });
      assertProblem(onItem, 405);
      assert.equal(onItem.headers.get('allow'), 'GET, HEAD, PUT, DELETE');
    }));

  it('creates 200 tasks sent in parallel, all stored with unique ids', () =>
    withServer(async ({ url }) => {
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          call(`${url}/tasks`, { method: 'POST', body: { ...VALID_DRAFT, name: `task ${i}` } }),
        ),
      );
      assert.ok(responses.every((r) => r.status === 201));
      const ids = new Set(responses.map((r) => (r.json as Task).id));
      assert.equal(ids.size, 200);
      const list = (await listAll(url)) as Task[];
      assert.equal(list.length, 200);
      assert.deepEqual(new Set(list.map((t) => t.id)), ids);
      assert.deepEqual(
        new Set(list.map((t) => t.name)),
        new Set(Array.from({ length: 200 }, (_, i) => `task ${i}`)),
      );
    }));
});

describe('timer server: validation over HTTP', () => {
  it('applies every rule of the spec at its boundaries, on POST and on PUT', () =>
    withServer(async ({ url }) => {
      const existing = (await call(`${url}/tasks`, { method: 'POST', body: VALID_DRAFT }))
        .json as Task;
      for (const { title, body, invalid } of DRAFT_CASES) {
        for (const [method, target] of [
          ['POST', `${url}/tasks`],
          ['PUT', `${url}/tasks/${existing.id}`],
        ] as const) {
          const response = await call(target, { method, body, headers: { 'if-match': '*' } });
          if (invalid.length === 0) {
            assert.equal(
              response.status,
              method === 'POST' ? 201 : 200,
              `${method} ${title}: ${response.text}`,
            );
            assertTask(response.json);
          } else {
            const problem = assertProblem(response, 400);
            assert.equal(problem.type, 'urn:problem-type:timer-api:validation-error');
            assert.deepEqual(
              problem.errors?.map((e) => e.field).sort(),
              [...invalid].sort(),
              `${method} ${title}`,
            );
            assert.ok(problem.errors?.every((e) => e.message.length > 0));
          }
        }
      }
    }));

  it('never lets the client choose id, createdAt or updatedAt', () =>
    withServer(async ({ url }) => {
      const { description: _, executeUntil: __, ...required } = VALID_DRAFT;
      const spoofed = { ...required, id: 'mine', createdAt: '2000-01-01T00:00:00Z' };
      const create = assertProblem(
        await call(`${url}/tasks`, { method: 'POST', body: spoofed }),
        400,
      );
      assert.deepEqual(create.errors?.map((e) => e.field).sort(), ['createdAt', 'id']);
      assert.deepEqual((await call(`${url}/tasks`)).json, []);
      assertProblem(await call(`${url}/tasks/mine`), 404);

      const a = (await call(`${url}/tasks`, { method: 'POST', body: VALID_DRAFT })).json as Task;
      const b = (await call(`${url}/tasks`, { method: 'POST', body: VALID_DRAFT })).json as Task;
      // Replaying a fetched task (with b's id) onto a must not touch either.
      const replay = await call(`${url}/tasks/${a.id}`, {
        method: 'PUT',
        body: { ...b, name: 'hijack' },
        headers: { 'if-match': '*' },
      });
      assertProblem(replay, 400);
      assert.deepEqual((await call(`${url}/tasks/${a.id}`)).json, a);
      assert.deepEqual((await call(`${url}/tasks/${b.id}`)).json, b);
    }));

  it('rejects invalid JSON and non-UTF-8 bodies with 400', () =>
    withServer(async ({ url }) => {
      for (const raw of ['{"name": "a",', '', 'NaN', "{'name':'a'}"]) {
        const problem = assertProblem(await call(`${url}/tasks`, { method: 'POST', raw }), 400);
        assert.equal(problem.type, 'urn:problem-type:timer-api:invalid-json', raw);
      }
      const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]); // {"é":1} in Latin-1
      assertProblem(await call(`${url}/tasks`, { method: 'POST', raw: latin1 }), 400);
      assert.deepEqual((await call(`${url}/tasks`)).json, []);
    }));

  it('answers 415 for bodies that are not JSON, JSON media types pass', () =>
    withServer(async ({ url }) => {
      const json = JSON.stringify(VALID_DRAFT);
      for (const contentType of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/jsonx',
        'multipart/form-data; boundary=x',
      ]) {
        const response = await call(`${url}/tasks`, { method: 'POST', raw: json, contentType });
        assertProblem(response, 415);
      }
      const noType = await fetch(`${url}/tasks`, { method: 'POST', body: new Blob([json]) });
      assert.equal(noType.status, 415);
      await noType.body?.cancel();
      const put = await call(`${url}/tasks/x`, {
        method: 'PUT',
        raw: json,
        contentType: 'text/plain',
        headers: { 'if-match': '*' },
      });
      assertProblem(put, 415);
      for (const contentType of [
        'application/json; charset=utf-8',
        'Application/JSON',
        'application/merge-patch+json',
      ]) {
        const response = await call(`${url}/tasks`, { method: 'POST', raw: json, contentType });
        assert.equal(response.status, 201, contentType);
      }
    }));

  it('answers 415 with Accept-Encoding: identity to a compressed body, and stores nothing', () =>
    withServer(async ({ url }) => {
      const json = JSON.stringify(VALID_DRAFT);
      const gzipped = gzipSync(json);
      for (const [method, target, contentEncoding, raw] of [
        ['POST', `${url}/tasks`, 'gzip', gzipped],
        ['POST', `${url}/tasks`, 'identity, GZip', gzipped],
        ['POST', `${url}/tasks`, 'br', json],
        ['PUT', `${url}/tasks/x`, 'deflate', deflateSync(json)],
      ] as const) {
        const response = await call(target, {
          method,
          raw,
          headers: { 'content-encoding': contentEncoding, 'if-match': '*' },
        });
        const problem = assertProblem(response, 415);
        assert.match(problem.detail, /Content-Encoding/, contentEncoding);
        assert.equal(response.headers.get('accept-encoding'), 'identity');
      }
      assert.deepEqual((await call(`${url}/tasks`)).json, []);
      const identity = await call(`${url}/tasks`, {
        method: 'POST',
        raw: json,
        headers: { 'content-encoding': 'identity' },
      });
      assert.equal(identity.status, 201);
    }));

  it('answers 413 above 64 KiB, declared or streamed, and accepts exactly 64 KiB', () =>
    withServer(async ({ url }) => {
      const limit = 64 * 1024;
      const padded = (size: number) => {
        const base = JSON.stringify(VALID_DRAFT);
        return base.slice(0, -1) + ' '.repeat(size - base.length) + '}';
      };
      assert.equal(padded(limit).length, limit);
      const atLimit = await call(`${url}/tasks`, { method: 'POST', raw: padded(limit) });
      assert.equal(atLimit.status, 201);
      assertProblem(await call(`${url}/tasks`, { method: 'POST', raw: padded(limit + 1) }), 413);

      // Chunked (no Content-Length): the limit is enforced while reading.
      const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${url}/tasks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        });
        req.on('response', (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.write(padded(limit + 10).slice(0, 40_000));
        req.end(padded(limit + 10).slice(40_000));
      });
      assert.equal(streamed.status, 413);
      assert.equal(JSON.parse(streamed.body).status, 413);
      assert.equal(((await call(`${url}/tasks`)).json as Task[]).length, 1);
    }));
});
