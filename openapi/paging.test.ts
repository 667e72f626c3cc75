// GET /tasks one page at a time, on both backends, as a client reaches each over HTTP: RFC 8288
// next links in a stable order, a limit from 1 to 100, and cursors that only ever work for the user
// they were given to (another user's, or an altered one, is 400 and shows nothing).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VALID_DRAFT } from '../lambda/timer-api/core/drafts.fixture.ts';
import { startIssuer, type TestIssuer } from '../local/jwt-authorizer/test-issuer.ts';
import { assertProblem, call } from '../local/timer-server/testing.ts';
import { BACKEND_KINDS, suiteBackend } from './backends.ts';

const ORIGIN = 'http://localhost:4200';
let issuer: TestIssuer;
before(async () => {
  issuer = await startIssuer();
});
after(() => issuer.close());

const nextOf = (link: string | null) => /^<([^>]+)>; rel="next"$/.exec(link ?? '')?.[1];

for (const kind of BACKEND_KINDS) {
  describe(`${kind} backend: pages of the list`, () => {
    let alice: Record<string, string>;
    let bob: Record<string, string>;
    const ids: string[] = [];
    const backend = suiteBackend(kind, () => ({
      issuer: issuer.issuer,
      audience: ['client-1'],
      scopes: [],
    }));
    before(async () => {
      const as = async (sub: string) => ({
        authorization: `Bearer ${await issuer.accessToken({ sub, client_id: 'client-1' })}`,
      });
      [alice, bob] = [await as('alice'), await as('bob')];
      for (let i = 0; i < 7; i++) {
        const created = await call(`${backend().url}/tasks`, {
          method: 'POST',
          body: { ...VALID_DRAFT, name: `task ${i}` },
          headers: alice,
        });
        ids.push((created.json as { id: string }).id);
      }
      await call(`${backend().url}/tasks`, { method: 'POST', body: VALID_DRAFT, headers: bob });
    });

    /** Follows the next links from `path`; every page, in order. */
    async function pages(path: string, headers: Record<string, string>) {
      const seen: { ids: string[]; link: string | null }[] = [];
      for (let next: string | undefined = path; next;) {
        const page = await call(`${backend().url}${next}`, { headers });
        assert.equal(page.status, 200, page.text);
        seen.push({
          ids: (page.json as { id: string }[]).map((t) => t.id),
          link: page.headers.get('link'),
        });
        next = nextOf(page.headers.get('link'));
      }
      return seen;
    }

    it('follows next links through every task once, oldest first, the last page without one', async () => {
      const seen = await pages('/tasks?limit=3', alice);
      assert.deepEqual(
        seen.map((p) => p.ids.length),
        [3, 3, 1],
      );
      assert.deepEqual(
        seen.flatMap((p) => p.ids),
        ids,
      );
      assert.match(seen[0]!.link!, /^<\/tasks\?limit=3&cursor=[A-Za-z0-9_-]+>; rel="next"$/);
      assert.equal(seen.at(-1)!.link, null);
      for (const limit of [1, 7, 100]) {
        assert.deepEqual(
          (await pages(`/tasks?limit=${limit}`, alice)).flatMap((p) => p.ids),
          ids,
        );
      }
    });

    it('gives a client that ignores Link the first page (100 by default) as a plain array', async () => {
      const first = await call(`${backend().url}/tasks`, { headers: alice });
      assert.deepEqual(
        (first.json as { id: string }[]).map((t) => t.id),
        ids,
      );
      assert.equal(first.headers.get('link'), null);
      const head = await call(`${backend().url}/tasks?limit=2`, { method: 'HEAD', headers: alice });
      assert.equal(head.status, 200);
      assert.match(head.headers.get('link') ?? '', /rel="next"/);
    });

    it('refuses a limit outside 1–100, or given twice, with 400', async () => {
      for (const query of [
        'limit=0',
        'limit=101',
        'limit=-1',
        'limit=1.5',
        'limit=abc',
        'limit=',
        'limit=1&limit=2',
        'cursor=a&cursor=b',
      ]) {
        assertProblem(await call(`${backend().url}/tasks?${query}`, { headers: alice }), 400);
      }
    });

    it("answers 400 to another user's cursor, and to an altered one, showing nothing of anyone", async () => {
      const first = await call(`${backend().url}/tasks?limit=2`, { headers: alice });
      const next = nextOf(first.headers.get('link'))!;
      const cursor = new URL(next, backend().url).searchParams.get('cursor')!;
      const foreign = await call(`${backend().url}${next}`, { headers: bob });
      const problem = assertProblem(foreign, 400);
      assert.match(problem.detail, /cursor/);
      assert.ok(!ids.some((id) => foreign.text.includes(id)), 'nothing of alice');
      const altered = cursor.slice(0, 10) + (cursor[10] === 'A' ? 'B' : 'A') + cursor.slice(11);
      for (const bad of [altered, `${cursor}A`, cursor.slice(0, -4), 'x', 'A'.repeat(600), '%00']) {
        assertProblem(await call(`${backend().url}/tasks?cursor=${bad}`, { headers: alice }), 400);
      }
      // The cursor still serves its own user.
      const rest = await call(`${backend().url}${next}`, { headers: alice });
      assert.deepEqual(
        (rest.json as { id: string }[]).map((t) => t.id),
        ids.slice(2, 4),
      );
    });

    if (kind === 'lambda') {
      it('lets a browser read the next link: the API exposes Link to allowed origins', async () => {
        const page = await call(`${backend().url}/tasks?limit=1`, {
          headers: { ...alice, origin: ORIGIN },
        });
        assert.equal(page.headers.get('access-control-allow-origin'), ORIGIN);
        const exposed = (page.headers.get('access-control-expose-headers') ?? '').split(',');
        assert.ok(exposed.includes('link') && exposed.includes('etag'), exposed.join());
      });
    }
  });
}
