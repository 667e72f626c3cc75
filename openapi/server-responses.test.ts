// The spec's declared responses and the reference server's behaviour, checked both ways: every
// status an operation declares is provoked over HTTP and comes back as the spec describes it, and
// no operation has a recipe here for a status the spec leaves undeclared.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VALID_DRAFT } from '../lambda/timer-api/core/drafts.fixture.ts';
import { loadTimerSchemas } from '../lambda/timer-api/core/schema.ts';
import { startIssuer, type TestIssuer } from '../local/jwt-authorizer/test-issuer.ts';
import { call } from '../local/timer-server/testing.ts';
import { BACKEND_KINDS, startBackend, type BackendKind } from './backends.ts';
import { loadSpec, resolvePointer } from './spec.ts';

/**
 * How to provoke a status; `missing`: on an id no task has (else on a task that exists); `token`:
 * none, or one without the required scope (else a valid one); `full`: the caller already has as
 * many tasks as allowed.
 */
interface Recipe {
  missing?: true;
  /** Added to the path: `?limit=…`. */
  query?: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  token?: 'none' | 'no-scope';
  full?: true;
}

const SCOPE = 'timer/tasks';
const LIMIT = 3;
const caller: Record<string, Recipe> = {
  '401': { token: 'none' },
  '403': { token: 'no-scope' },
};
const stale = { headers: { 'if-match': '"999"' } };
/** A PUT needs If-Match (else 428); `*` lets it reach every other rule. */
const anyVersion = { headers: { 'if-match': '*' } };

const big = JSON.stringify({ ...VALID_DRAFT, description: 'x'.repeat(64 * 1024) });
const bodyErrors: Record<string, Recipe> = {
  '400': { body: { ...VALID_DRAFT, hour: 24 } },
  '413': { raw: big },
  '415': { raw: JSON.stringify(VALID_DRAFT), contentType: 'text/plain' },
};
const RECIPES: Record<string, Record<string, Recipe>> = {
  listTasks: { '200': {}, '400': { query: '?limit=0' }, ...caller },
  createTask: {
    '201': { body: VALID_DRAFT },
    ...bodyErrors,
    ...caller,
    '409': { body: VALID_DRAFT, full: true },
  },
  getTask: { '200': {}, '404': { missing: true }, ...caller },
  updateTask: {
    '200': { body: VALID_DRAFT, ...anyVersion },
    ...Object.fromEntries(
      Object.entries(bodyErrors).map(([status, recipe]) => [status, { ...recipe, ...anyVersion }]),
    ),
    '404': { missing: true, body: VALID_DRAFT, ...anyVersion },
    ...caller,
    '412': { body: VALID_DRAFT, ...stale },
    '428': { body: VALID_DRAFT },
  },
  deleteTask: {
    '204': {},
    '400': { headers: { 'if-match': 'not-an-entity-tag' } },
    '404': { missing: true },
    ...caller,
    '412': stale,
  },
};

let issuer: TestIssuer;
before(async () => {
  issuer = await startIssuer();
});
after(() => issuer.close());

/** An access token for `sub`, with the scope the server requires unless `scope` says otherwise. */
function tokenFor(sub: string, scope = SCOPE): Promise<string> {
  return issuer.accessToken({ sub, client_id: 'client-1', scope });
}

interface Operation {
  operationId: string;
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
const doc = loadSpec();
const schemas = loadTimerSchemas();
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>)
    .filter(([method]) => ['get', 'post', 'put', 'delete'].includes(method))
    .map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
);

/** On Lambda, API Gateway's authorizer answers a refused caller before the function runs. */
function isGatewayRefusal(kind: BackendKind, status: string): boolean {
  return kind === 'lambda' && (status === '401' || status === '403');
}

describe('spec responses vs both backends', () => {
  it('has a recipe for exactly the statuses each operation declares', () => {
    for (const { op } of operations) {
      const declared = Object.keys(op.responses).filter((code) => code !== 'default');
      assert.deepEqual(
        declared.sort(),
        Object.keys(RECIPES[op.operationId] ?? {}).sort(),
        op.operationId,
      );
      assert.ok(op.responses['default'], `${op.operationId} keeps a default for 405/5xx…`);
    }
  });

  for (const kind of BACKEND_KINDS)
    for (const { path, method, op } of operations) {
      it(`${kind} backend, ${op.operationId}: every declared status is answered as declared`, () =>
        withBackend(kind, async (url) => {
          for (const [status, recipe] of Object.entries(RECIPES[op.operationId] ?? {})) {
            const { missing, token, full, headers, query = '', ...request } = recipe;
            // A user of its own per recipe, so one recipe's tasks never count against another's.
            const user = `${op.operationId}-${status}`;
            const authorization = `Bearer ${await tokenFor(user)}`;
            const post = () =>
              call(`${url}/tasks`, {
                method: 'POST',
                body: VALID_DRAFT,
                headers: { authorization },
              });
            const existing = await post();
            if (full) while ((await post()).status === 201);
            const id = missing ? 'no-such-task' : (existing.json as { id: string }).id;
            const sent: Record<string, string> =
              token === 'none'
                ? {}
                : {
                    authorization: token
                      ? `Bearer ${await tokenFor(user, 'other')}`
                      : authorization,
                  };
            const response = await call(`${url}${path.replace('{id}', id)}${query}`, {
              method,
              ...request,
              headers: { ...sent, ...headers },
            });
            assert.equal(response.status, Number(status), `${op.operationId} ${status}`);
            if (isGatewayRefusal(kind, status)) {
              // API Gateway's JSON, and the challenge the client reads to sign in again.
              assert.equal(response.headers.get('content-type'), 'application/json');
              assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
              continue;
            }

            let declared = op.responses[status]!;
            if (declared.$ref) declared = resolvePointer(doc, declared.$ref);
            const [mediaType] = Object.keys(declared.content ?? {});
            assert.equal(response.headers.get('content-type') ?? undefined, mediaType);
            if (mediaType === 'application/problem+json') {
              assert.ok(schemas.isProblem(response.json), response.text);
              assert.equal((response.json as { status: number }).status, Number(status));
            } else if (mediaType) {
              const tasks = [response.json].flat();
              assert.ok(tasks.length > 0 && tasks.every((t) => schemas.isTask(t)), response.text);
            } else {
              assert.equal(response.text, '');
            }
          }
        }));
    }
});

async function withBackend(kind: BackendKind, run: (url: string) => Promise<void>) {
  const backend = await startBackend(kind, {
    issuer: issuer.issuer,
    audience: ['client-1'],
    scopes: [SCOPE],
    maxTasksPerUser: LIMIT,
  });
  try {
    await run(backend.url);
  } finally {
    await backend.close();
  }
}
