// Bounded cost per request: every input gets a 4xx, and none is expensive to refuse.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VALID_DRAFT } from '../../lambda/timer-api/core/drafts.fixture.ts';
import {
  draftShape,
  loadTimerSchemas,
  MAX_DEPTH,
  shapeErrors,
} from '../../lambda/timer-api/core/schema.ts';
import { loadSpec } from '../../openapi/spec.ts';
import { assertProblem, call, withServer } from './testing.ts';

const schemas = loadTimerSchemas();
const DAYS = draftShape(loadSpec().components.schemas['TaskDraft']);
const manyDays = (n: number) => Array.from({ length: n }, (_, i) => i);
function nested(depth: number): unknown {
  let value: unknown = 'MON';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('timer server: bounded cost', () => {
  it('refuses 11,000 days before the schema runs (its uniqueItems is quadratic)', async () => {
    // The cheap shape check alone must catch it: the schema would pay ~0.8 s of CPU here.
    assert.deepEqual(shapeErrors({ ...VALID_DRAFT, daysOfWeek: manyDays(11_000) }, DAYS), [
      { field: 'daysOfWeek', message: 'count must be ≤ 7' },
    ]);
    assert.deepEqual(shapeErrors(VALID_DRAFT, DAYS), []);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels before the schema runs`, async () => {
    assert.deepEqual(shapeErrors({ ...VALID_DRAFT, daysOfWeek: [nested(MAX_DEPTH)] }, DAYS), [
      { field: 'daysOfWeek', message: `must not be nested more than ${MAX_DEPTH} levels deep` },
    ]);
    assert.deepEqual(
      shapeErrors({ ...VALID_DRAFT, daysOfWeek: [nested(MAX_DEPTH - 3)] }, DAYS),
      [],
    );
    assert.equal(
      shapeErrors({ ...VALID_DRAFT, extra: { a: { b: { c: { d: 1 } } } } }, DAYS).length,
      1,
    );
  });

  it('answers 400 (never 500) to oversized and deeply nested bodies, eight at once', async () =>
    withServer(async ({ url }) => {
      // Within the 64 KiB body limit: as deep as JSON text of that size can nest.
      const deep =
        '{"name":"n","hour":1,"minute":1,"executionCommand":"c","daysOfWeek":[' +
        '['.repeat(30_000) +
        ']'.repeat(30_000) +
        ',' +
        '['.repeat(2000) +
        ']'.repeat(2000) +
        ']}';
      const wide = JSON.stringify({ ...VALID_DRAFT, daysOfWeek: manyDays(11_000) });
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          call(`${url}/tasks`, { method: 'POST', raw: i % 2 ? deep : wide }),
        ),
      );
      for (const [i, answer] of answers.entries()) {
        const problem = assertProblem(answer, 400);
        assert.deepEqual(problem.errors, [
          {
            field: 'daysOfWeek',
            message:
              i % 2 ? `must not be nested more than ${MAX_DEPTH} levels deep` : 'count must be ≤ 7',
          },
        ]);
      }
      assert.deepEqual((await call(`${url}/tasks`)).json, [], 'nothing was stored');
    }));

  it('refuses control characters and unpaired surrogates in text, which JSON would escape six-fold', async () => {
    for (const bad of ['a\u0000b', 'a\u001bb', '\ud800', 'x\udfff']) {
      const errors = schemas.validateDraft({ ...VALID_DRAFT, name: bad, executionCommand: bad });
      assert.deepEqual(
        errors.map((e) => e.field).sort(),
        ['executionCommand', 'name'],
        JSON.stringify(bad),
      );
    }
    assert.deepEqual(
      schemas.validateDraft({
        ...VALID_DRAFT,
        description: 'a\tb\nc\r',
        executionCommand: 'x\ny 🕑',
      }),
      [],
    );
  });

  it('answers 409 with a clear problem past the per-user task limit, for that user only', async () =>
    withServer(
      async ({ url }) => {
        for (let i = 0; i < 2; i++) {
          assert.equal(
            (await call(`${url}/tasks`, { method: 'POST', body: VALID_DRAFT })).status,
            201,
          );
        }
        const refused = await call(`${url}/tasks`, { method: 'POST', body: VALID_DRAFT });
        const problem = assertProblem(refused, 409);
        assert.match(problem.detail, /You have 2 tasks, the most one user can have/);
        assert.equal(((await call(`${url}/tasks`)).json as unknown[]).length, 2);
      },
      { maxTasksPerUser: 2 },
    ));
});
