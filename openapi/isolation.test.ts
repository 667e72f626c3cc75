// The ownership rules over HTTP, against both backends: two users never see or change each other's
// tasks (404, never 403), and ETag / If-Match stops lost updates (412) the same way on each.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VALID_DRAFT } from '../lambda/timer-api/core/drafts.fixture.ts';
import { startIssuer, type TestIssuer } from '../local/jwt-authorizer/test-issuer.ts';
import { call } from '../local/timer-server/testing.ts';
import { BACKEND_KINDS, startBackend, type Backend } from './backends.ts';

const SCOPE = 'timer/tasks';
let issuer: TestIssuer;
before(async () => {
  issuer = await startIssuer();
});
after(() => issuer.close());

async function bearer(sub: string): Promise<Record<string, string>> {
  const token = await issuer.accessToken({ sub, client_id: 'client-1', scope: SCOPE });
  return { authorization: `Bearer ${token}` };
}

for (const kind of BACKEND_KINDS) {
  describe(`${kind} backend: isolation and If-Match`, () => {
    let backend: Backend;
    before(async () => {
      backend = await startBackend(kind, {
        issuer: issuer.issuer,
        audience: ['client-1'],
        scopes: [SCOPE],
      });
    });
    after(() => backend.close());
    /** POSTs the valid draft as the user `headers` authorize. */
    const createTask = (headers: Record<string, string>) =>
      call(`${backend.url}/tasks`, { method: 'POST', body: VALID_DRAFT, headers });

    it("keeps each user's tasks their own: the other's id is 404 for every method", async () => {
      const alice = await bearer('alice');
      const bob = await bearer('bob');
      const created = await createTask(alice);
      assert.equal(created.status, 201);
      const { id } = created.json as { id: string };
      const url = `${backend.url}/tasks/${id}`;
      assert.deepEqual((await call(`${backend.url}/tasks`, { headers: bob })).json, []);
      assert.equal((await call(url, { headers: bob })).status, 404);
      const put = await call(url, {
        method: 'PUT',
        body: VALID_DRAFT,
        headers: { ...bob, 'if-match': '*' },
      });
      assert.equal(put.status, 404);
      const starred = await call(url, {
        method: 'DELETE',
        headers: { ...bob, 'if-match': '*' },
      });
      assert.equal(starred.status, 404);
      const own = await call(url, { headers: alice });
      assert.equal(own.status, 200);
      assert.deepEqual(own.json, created.json, 'untouched by the other user');
    });

    it('answers 412 to a write at a version that has moved on, and takes the current one', async () => {
      const me = await bearer('carol');
      const created = await createTask(me);
      const url = `${backend.url}/tasks/${(created.json as { id: string }).id}`;
      const etag = created.headers.get('etag')!;
      assert.equal(etag, '"1"');
      const first = await call(url, {
        method: 'PUT',
        body: { ...VALID_DRAFT, name: 'first' },
        headers: { ...me, 'if-match': etag },
      });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('etag'), '"2"');
      const lost = await call(url, {
        method: 'PUT',
        body: { ...VALID_DRAFT, name: 'lost' },
        headers: { ...me, 'if-match': etag },
      });
      assert.equal(lost.status, 412);
      assert.equal(
        (await call(url, { method: 'DELETE', headers: { ...me, 'if-match': etag } })).status,
        412,
      );
      assert.equal(((await call(url, { headers: me })).json as { name: string }).name, 'first');
      const weak = await call(url, { method: 'DELETE', headers: { ...me, 'if-match': 'W/"2"' } });
      assert.equal(weak.status, 412, 'a weak tag never matches');
      const gone = await call(url, { method: 'DELETE', headers: { ...me, 'if-match': '"2"' } });
      assert.equal(gone.status, 204);
    });

    it('lets exactly one of concurrent writes at the same version through', async () => {
      const me = await bearer('dave');
      const created = await createTask(me);
      const url = `${backend.url}/tasks/${(created.json as { id: string }).id}`;
      const statuses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          call(url, {
            method: 'PUT',
            body: { ...VALID_DRAFT, name: `w${i}` },
            headers: { ...me, 'if-match': '"1"' },
          }).then((r) => r.status),
        ),
      );
      assert.deepEqual(statuses.filter((s) => s === 200).length, 1, String(statuses));
      assert.ok(
        statuses.every((s) => s === 200 || s === 412),
        String(statuses),
      );
    });
  });
}
