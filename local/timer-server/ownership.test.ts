// The second fence, end to end over HTTP: a real issuer (RS256, JWKS on 127.0.0.1), two users,
// and the server called directly, as anyone could around the gateway.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { JWTPayload } from 'jose';
import { startIssuer, type TestIssuer } from '../jwt-authorizer/test-issuer.ts';
import { VALID_DRAFT } from '../../lambda/timer-api/core/drafts.fixture.ts';
import { assertProblem, call, withServer, type JsonResponse } from './testing.ts';

const AUDIENCE = 'client-1';
let issuer: TestIssuer;
before(async () => {
  issuer = await startIssuer();
});
after(() => issuer.close());

const token = (claims: JWTPayload) => issuer.accessToken({ client_id: AUDIENCE, ...claims });

type Caller = (path: string, init?: Parameters<typeof call>[1]) => Promise<JsonResponse>;

/** A server with token checks, and a caller per user (`sub`). */
function withUsers(run: (as: (sub: string) => Promise<Caller>, url: string) => Promise<void>) {
  return withServer(
    async ({ url }) => {
      const as = async (sub: string): Promise<Caller> => {
        const authorization = `Bearer ${await token({ sub })}`;
        return (path, init = {}) =>
          call(`${url}${path}`, { ...init, headers: { authorization, ...init.headers } });
      };
      await run(as, url);
    },
    { auth: { issuer: issuer.issuer, audience: [AUDIENCE] } },
  );
}

describe('timer server: every task is its owner’s', () => {
  it("B never sees, changes or deletes A's task: 404 as for a missing id, and A's data is intact", () =>
    withUsers(async (as) => {
      const a = await as('user-a');
      const b = await as('user-b');
      const created = await a('/tasks', { method: 'POST', body: VALID_DRAFT });
      assert.equal(created.status, 201);
      const task = created.json as { id: string; version: number };
      await b('/tasks', { method: 'POST', body: { ...VALID_DRAFT, name: 'B own' } });

      assert.deepEqual(
        ((await b('/tasks')).json as { name: string }[]).map((t) => t.name),
        ['B own'],
      );
      const missing = await b('/tasks/no-such-id');
      for (const [method, body] of [
        ['GET'],
        ['PUT', { ...VALID_DRAFT, executionCommand: 'rm -rf /' }],
        ['DELETE'],
      ] as const) {
        const headers = { 'if-match': '"1"' };
        const response = await b(`/tasks/${task.id}`, { method, body, headers });
        const problem = assertProblem(response, 404);
        // Nothing tells B the id exists: same answer as for an id nobody has, but the id.
        assert.equal(problem.title, (missing.json as { title: string }).title);
        assert.equal(problem.type, (missing.json as { type: string }).type);
      }
      // With If-Match too: no 412 that would confirm the id exists.
      assertProblem(
        await b(`/tasks/${task.id}`, { method: 'DELETE', headers: { 'if-match': '"1"' } }),
        404,
      );

      const mine = await a(`/tasks/${task.id}`);
      assert.equal(mine.status, 200);
      assert.deepEqual(mine.json, created.json);
      assert.equal(
        (await a('/tasks')).json instanceof Array && ((await a('/tasks')).json as unknown[]).length,
        1,
      );
    }));

  it('answers 401 with WWW-Authenticate and a problem, and reads nothing, without a valid token', () =>
    withUsers(async (as, url) => {
      const a = await as('user-a');
      const task = (await a('/tasks', { method: 'POST', body: VALID_DRAFT })).json as {
        id: string;
      };
      const now = Math.floor(Date.now() / 1000);
      const bad: [string, Record<string, string>][] = [
        ['no token', {}],
        ['not a JWT', { authorization: 'Bearer nope' }],
        [
          'expired',
          {
            authorization: `Bearer ${await token({ sub: 'user-a', iat: now - 900, exp: now - 300 })}`,
          },
        ],
        [
          'another audience',
          { authorization: `Bearer ${await token({ sub: 'user-a', client_id: 'other' })}` },
        ],
        [
          'another issuer',
          {
            authorization: `Bearer ${await token({ sub: 'user-a', iss: 'https://evil.example' })}`,
          },
        ],
        ['no sub', { authorization: `Bearer ${await token({})}` }],
        ['empty sub', { authorization: `Bearer ${await token({ sub: '' })}` }],
        // Only access tokens, whatever the scopes (none here): API Gateway's rule with scopes.
        [
          'an ID token',
          { authorization: `Bearer ${await token({ sub: 'user-a', token_use: 'id' })}` },
        ],
        [
          'no token_use',
          { authorization: `Bearer ${await token({ sub: 'user-a', token_use: undefined })}` },
        ],
        // A client-set header naming a user is not a credential.
        ['x-user header', { 'x-user': 'user-a', 'x-amzn-oidc-identity': 'user-a' }],
      ];
      for (const [title, headers] of bad) {
        for (const [method, path] of [
          ['GET', '/tasks'],
          ['GET', `/tasks/${task.id}`],
          ['DELETE', `/tasks/${task.id}`],
          ['GET', '/nowhere'],
        ]) {
          const response = await call(`${url}${path}`, { method, headers });
          assertProblem(response, 401);
          assert.match(
            response.headers.get('www-authenticate') ?? '',
            /^Bearer scope="" error="invalid_token" error_description="[^"]+"$/,
            `${title} ${method} ${path}`,
          );
        }
      }
      assert.equal((await a(`/tasks/${task.id}`)).status, 200, 'A’s task survived');
    }));

  it('refuses a token without the required scope with 403', () =>
    withServer(
      async ({ url }) => {
        const without = await token({ sub: 'user-a', scope: 'openid' });
        const response = await call(`${url}/tasks`, {
          headers: { authorization: `Bearer ${without}` },
        });
        assertProblem(response, 403);
        assert.match(response.headers.get('www-authenticate') ?? '', /error="insufficient_scope"/);
        const withScope = await token({ sub: 'user-a', scope: 'openid timer/tasks' });
        const ok = await call(`${url}/tasks`, {
          headers: { authorization: `Bearer ${withScope}` },
        });
        assert.equal(ok.status, 200);
      },
      { auth: { issuer: issuer.issuer, audience: [AUDIENCE], scopes: ['timer/tasks'] } },
    ));
});

describe('timer server: lost updates', () => {
  it('of 20 concurrent PUTs from the same version exactly one wins; the others get 412', () =>
    withUsers(async (as) => {
      const a = await as('user-a');
      const created = await a('/tasks', { method: 'POST', body: VALID_DRAFT });
      const task = created.json as { id: string; version: number };
      assert.equal(created.headers.get('etag'), `"${task.version}"`);
      const etag = (await a(`/tasks/${task.id}`)).headers.get('etag') ?? '';
      assert.equal(etag, '"1"');
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          a(`/tasks/${task.id}`, {
            method: 'PUT',
            body: { ...VALID_DRAFT, name: `w${i}` },
            headers: { 'if-match': etag },
          }),
        ),
      );
      const won = answers.filter((r) => r.status === 200);
      assert.equal(won.length, 1);
      for (const lost of answers.filter((r) => r.status !== 200)) {
        const problem = assertProblem(lost, 412);
        assert.match(problem.detail, /changed since it was read/);
      }
      const now = await a(`/tasks/${task.id}`);
      assert.equal((now.json as { name: string }).name, (won[0]!.json as { name: string }).name);
      assert.equal(now.headers.get('etag'), '"2"');
    }));

  it('DELETE with a stale If-Match is 412 and deletes nothing; *, a list or the current tag goes ahead', () =>
    withUsers(async (as) => {
      const a = await as('user-a');
      const { id } = (await a('/tasks', { method: 'POST', body: VALID_DRAFT })).json as {
        id: string;
      };
      await a(`/tasks/${id}`, { method: 'PUT', body: VALID_DRAFT, headers: { 'if-match': '"1"' } });
      assertProblem(
        await a(`/tasks/${id}`, { method: 'DELETE', headers: { 'if-match': '"1"' } }),
        412,
      );
      assertProblem(
        await a(`/tasks/${id}`, { method: 'DELETE', headers: { 'if-match': 'W/"2"' } }),
        412,
      );
      assertProblem(
        await a(`/tasks/${id}`, { method: 'PUT', body: VALID_DRAFT, headers: { 'if-match': '2' } }),
        400,
      );
      assert.equal((await a(`/tasks/${id}`)).status, 200);
      const put = await a(`/tasks/${id}`, {
        method: 'PUT',
        body: VALID_DRAFT,
        headers: { 'if-match': '"1", "2"' },
      });
      assert.equal(put.status, 200);
      assert.equal(put.headers.get('etag'), '"3"');
      assert.equal(
        (await a(`/tasks/${id}`, { method: 'DELETE', headers: { 'if-match': '*' } })).status,
        204,
      );
    }));
});

describe('timer server: tasks from before owners', () => {
  it('logs one line saying how many are hidden and why, and shows them to no one', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'timer-legacy-'));
    try {
      const db = join(dir, 'timer.sqlite');
      const old = new DatabaseSync(db);
      old.exec(`CREATE TABLE tasks (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
        draft TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT`);
      old
        .prepare(
          "INSERT INTO tasks (id, draft, created_at, updated_at) VALUES ('old', ?, 'x', 'x')",
        )
        .run(JSON.stringify(VALID_DRAFT));
      old.close();
      const lines: string[] = [];
      t.mock.method(console, 'error', (line: string) => lines.push(line));
      await withServer(
        async ({ url }) => {
          const a = `Bearer ${await token({ sub: 'user-a' })}`;
          assert.deepEqual(
            (await call(`${url}/tasks`, { headers: { authorization: a } })).json,
            [],
          );
          assertProblem(await call(`${url}/tasks/old`, { headers: { authorization: a } }), 404);
        },
        { db, auth: { issuer: issuer.issuer, audience: [AUDIENCE] } },
      );
      const logged = lines.filter((l) => /stored before tasks had owners/.test(l));
      assert.equal(logged.length, 1, lines.join('\n'));
      assert.match(logged[0]!, /^timer-server: 1 task\(s\) in .* are kept but shown to no one/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
