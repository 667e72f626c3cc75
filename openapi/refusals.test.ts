// Inputs no backend may choke on, on both backends as a client reaches each over HTTP: ids no task
// can have (404, the same answer as for an id nobody has, and nothing logged), subs that cannot
// own tasks (401), a PUT without If-Match (428), and If-Match lists as RFC 9110 spells them.
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { VALID_DRAFT } from '../lambda/timer-api/core/drafts.fixture.ts';
import { startIssuer, type TestIssuer } from '../local/jwt-authorizer/test-issuer.ts';
import { assertProblem, call } from '../local/timer-server/testing.ts';
import { BACKEND_KINDS, suiteBackend } from './backends.ts';

let issuer: TestIssuer;
before(async () => {
  issuer = await startIssuer();
});
after(() => issuer.close());

const bearer = async (sub: string) => ({
  authorization: `Bearer ${await issuer.accessToken({ sub, client_id: 'client-1' })}`,
});

/** Ids no task can have: too long for TaskId (in UTF-8 bytes past what stores key), or outside it. */
const OUT_OF_RANGE = [
  'x'.repeat(65),
  'x'.repeat(1020),
  'x'.repeat(2100),
  'é'.repeat(600), // 600 characters, 1200 UTF-8 bytes
  '🕑'.repeat(300),
  'a.b',
  '...',
  'a b',
  'a\u0000b',
  'tâche',
  '\ud800',
];
/** The id as one path segment; a lone surrogate, which has no UTF-8, as the bytes CESU-8 gives it. */
const segment = (id: string) => (/\p{Cs}/u.test(id) ? '%ED%A0%80' : encodeURIComponent(id));

for (const kind of BACKEND_KINDS) {
  describe(`${kind} backend: refusals`, () => {
    const backend = suiteBackend(kind, () => ({
      issuer: issuer.issuer,
      audience: ['client-1'],
      scopes: [],
    }));

    /** Fails the test if anything logs an error (a stack trace) while `run` runs. */
    async function quietly(t: TestContext, run: () => Promise<void>) {
      const logged: unknown[] = [];
      t.mock.method(console, 'error', (...args: unknown[]) => logged.push(args));
      await run();
      assert.deepEqual(logged, [], 'nothing logged');
    }

    it('answers an id no task can have exactly as one nobody has: 404, never 500', (t) =>
      quietly(t, async () => {
        const me = await bearer('keys');
        await call(`${backend().url}/tasks`, { method: 'POST', body: VALID_DRAFT, headers: me });
        const ask = (id: string, method: string) =>
          call(`${backend().url}/tasks/${segment(id)}`, {
            method,
            headers: { ...me, 'if-match': '*' },
            ...(method === 'PUT' ? { body: VALID_DRAFT } : {}),
          });
        for (const method of ['GET', 'PUT', 'DELETE']) {
          const unknown = await ask('0190f3a2-6c1e-7b4d-9a21-5d0b7f9a4c11', method);
          assertProblem(unknown, 404);
          for (const id of OUT_OF_RANGE) {
            const answer = await ask(id, method);
            assert.equal(answer.status, 404, `${method} ${id.slice(0, 10)}: ${answer.text}`);
            assert.equal(answer.text, unknown.text, `${method} ${id.slice(0, 10)}`);
          }
        }
      }));

    it('refuses a sub that cannot own tasks with 401: empty, too long, not well-formed, controls', (t) =>
      quietly(t, async () => {
        const a = await bearer('\ud800x');
        const b = await bearer('\udc00x');
        for (const headers of [
          a,
          b,
          await bearer(''),
          await bearer('x'.repeat(256)),
          await bearer('é'.repeat(128)),
          await bearer('a\u0000b'),
        ]) {
          assertProblem(await call(`${backend().url}/tasks`, { headers }), 401);
          const post = await call(`${backend().url}/tasks`, {
            method: 'POST',
            body: VALID_DRAFT,
            headers,
          });
          assertProblem(post, 401);
        }
        // 255 bytes is still one owner.
        const longest = await bearer('é'.repeat(127) + 'x');
        assert.equal((await call(`${backend().url}/tasks`, { headers: longest })).status, 200);
      }));

    it('answers a PUT without If-Match with 428 naming the header, and changes nothing', async () => {
      const me = await bearer('careful');
      const created = await call(`${backend().url}/tasks`, {
        method: 'POST',
        body: VALID_DRAFT,
        headers: me,
      });
      const url = `${backend().url}/tasks/${(created.json as { id: string }).id}`;
      const blind = await call(url, {
        method: 'PUT',
        body: { ...VALID_DRAFT, name: 'blind' },
        headers: me,
      });
      const problem = assertProblem(blind, 428);
      assert.equal(problem.title, 'Precondition Required');
      assert.match(problem.detail, /If-Match/);
      assert.deepEqual((await call(url, { headers: me })).json, created.json);
      // DELETE may still go without (nothing is overwritten).
      assert.equal((await call(url, { method: 'DELETE', headers: me })).status, 204);
    });

    it('reads If-Match lists with empty elements (RFC 9110 §5.6.1.2)', async () => {
      const me = await bearer('lists');
      const created = await call(`${backend().url}/tasks`, {
        method: 'POST',
        body: VALID_DRAFT,
        headers: me,
      });
      const url = `${backend().url}/tasks/${(created.json as { id: string }).id}`;
      const put = (ifMatch: string) =>
        call(url, { method: 'PUT', body: VALID_DRAFT, headers: { ...me, 'if-match': ifMatch } });
      assert.equal((await put(', "1"')).status, 200);
      assert.equal((await put('"9",, "2"')).status, 200);
      assert.equal((await put(' ,"1", ,')).status, 412);
      assert.equal((await put('"3" ,')).status, 200);
      for (const bad of [',', ' , ', '"4" "5"', '4']) assertProblem(await put(bad), 400);
    });
  });
}
