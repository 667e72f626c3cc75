// Bounded cost per request: every input gets a 4xx, and none is expensive to refuse.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VALID_DRAFT } from '../../lambda/timer-api/core/drafts.fixture.ts';
import { loadTimerSchemas, MAX_DEPTH, shapeErrors } from '../../lambda/timer-api/core/schema.ts';
import {
  LIMIT_REACHED,
  type Task,
  type TaskDraft,
} from '../../lambda/timer-api/core/task-store.ts';
import { openTaskStore } from './store.ts';
import { assertProblem, call, withServer } from './testing.ts';

const schemas = loadTimerSchemas();
const DAYS = new Map([['daysOfWeek', 7]]);
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

  it('keeps the largest possible list of one user well under HTTP API’s 10 MB payload quota', async () => {
    const limit = 1000;
    // The largest draft the contract admits, in bytes of JSON: astral characters are 4 bytes
    // each and count as one character; `"` and `\` escape to 2 bytes only.
    const largest: TaskDraft = {
      name: '🕑'.repeat(100),
      description: '🕑'.repeat(500),
      hour: 23,
      minute: 59,
      daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'],
      executionCommand: '🕑'.repeat(1000),
      executeUntil: '2030-01-31T18:00:00.123456789+01:00',
    };
    assert.deepEqual(schemas.validateDraft(largest), []);
    const store = openTaskStore(':memory:', { maxTasksPerOwner: limit });
    try {
      let task: Task | typeof LIMIT_REACHED = LIMIT_REACHED;
      for (let i = 0; i < limit; i++) task = await store.create('a', largest);
      assert.notEqual(task, LIMIT_REACHED);
      assert.equal(await store.create('a', largest), LIMIT_REACHED);
      const bytes = Buffer.byteLength(JSON.stringify(await store.list('a')));
      assert.ok(bytes < 7_500_000, `${bytes} bytes`);
    } finally {
      store.close();
    }
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
