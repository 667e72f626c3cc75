// The spec's declared responses and the reference server's behaviour, checked both ways: every
// status an operation declares is provoked over HTTP and comes back as the spec describes it, and
// no operation has a recipe here for a status the spec leaves undeclared.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VALID_DRAFT } from '../local/timer-server/drafts.fixture.ts';
import { loadTimerSchemas } from '../local/timer-server/schema.ts';
import { call, withServer } from '../local/timer-server/testing.ts';
import { loadSpec, resolvePointer } from './spec.ts';

/** How to provoke a status; `missing`: on an id no task has (else on a task that exists). */
interface Recipe {
  missing?: true;
  body?: unknown;
  raw?: string;
  contentType?: string;
}

const big = JSON.stringify({ ...VALID_DRAFT, description: 'x'.repeat(64 * 1024) });
const bodyErrors: Record<string, Recipe> = {
  '400': { body: { ...VALID_DRAFT, hour: 24 } },
  '413': { raw: big },
  '415': { raw: JSON.stringify(VALID_DRAFT), contentType: 'text/plain' },
};
const RECIPES: Record<string, Record<string, Recipe>> = {
  listTasks: { '200': {} },
  createTask: { '201': { body: VALID_DRAFT }, ...bodyErrors },
  getTask: { '200': {}, '404': { missing: true } },
  updateTask: {
    '200': { body: VALID_DRAFT },
    ...bodyErrors,
    '404': { missing: true, body: VALID_DRAFT },
  },
  deleteTask: { '204': {}, '404': { missing: true } },
};

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

describe('spec responses vs the reference server', () => {
  it('has a recipe for exactly the statuses each operation declares', () => {
    for (const { op } of operations) {
      const declared = Object.keys(op.responses).filter((code) => code !== 'default');
      assert.deepEqual(
        declared.sort(),
        Object.keys(RECIPES[op.operationId] ?? {}).sort(),
        op.operationId,
      );
      assert.ok(op.responses['default'], `${op.operationId} keeps a default for 401/403/5xx…`);
    }
  });

  for (const { path, method, op } of operations) {
    it(`${op.operationId}: the server answers every declared status as declared`, () =>
      withServer(async ({ url }) => {
        for (const [status, { missing, ...request }] of Object.entries(
          RECIPES[op.operationId] ?? {},
        )) {
          const existing = await call(`${url}/tasks`, { method: 'POST', body: VALID_DRAFT });
          const id = missing ? 'no-such-task' : (existing.json as { id: string }).id;
          const response = await call(`${url}${path.replace('{id}', id)}`, { method, ...request });
          assert.equal(response.status, Number(status), `${op.operationId} ${status}`);

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
