// The drift test that matters most: the server's ajv validation (rules read from
// openapi/timer-api.yaml) and the client's validateTaskDraft (rules generated from the same file)
// must accept and reject the same drafts, and blame the same fields.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DRAFT_CASES, VALID_DRAFT } from '../lambda/timer-api/core/drafts.fixture.ts';
import { loadTimerSchemas } from '../lambda/timer-api/core/schema.ts';
import { importClientSource } from './client-source.ts';

interface FieldError {
  field: string;
  message: string;
}
const { validateTaskDraft } = await importClientSource<{
  validateTaskDraft: (draft: unknown) => FieldError[];
}>('validate-task-draft.ts');
const server = loadTimerSchemas();

const fields = (errors: FieldError[]) => errors.map((e) => e.field).sort();
const sorted = (errors: FieldError[]) =>
  [...errors].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));

describe('client validateTaskDraft vs server ajv', () => {
  for (const { title, body, invalid } of DRAFT_CASES) {
    it(`agree on: ${title}`, () => {
      const expected = [...invalid].sort();
      const serverErrors = server.validateDraft(body);
      const clientErrors = validateTaskDraft(body);
      assert.deepEqual(fields(serverErrors), expected, 'server');
      assert.deepEqual(fields(clientErrors), expected, 'client');
      // Same wording too, so a form shows the same text whichever side caught the mistake.
      assert.deepEqual(sorted(clientErrors), sorted(serverErrors));
    });
  }

  it('agree on 2000 generated drafts around every boundary', () => {
    const text = (max: number) =>
      fc.oneof(
        fc.string({ maxLength: max + 2, unit: fc.constantFrom('a', ' ', 'é', '🕑', '\n') }),
        fc.integer({ min: max - 1, max: max + 1 }).map((n) => 'x'.repeat(Math.max(0, n))),
      );
    const int = fc.oneof(
      fc.integer({ min: -2, max: 62 }),
      fc.double({ min: -1, max: 61 }),
      fc.constant('7'),
    );
    const day = fc.constantFrom('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'mon', 'XYZ', '');
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const dateTime = fc
      .record({
        y: fc.constantFrom(1900, 2000, 2024, 2027, 2028, 2100, 2400),
        mo: fc.integer({ min: 0, max: 13 }),
        d: fc.integer({ min: 0, max: 32 }),
        h: fc.integer({ min: 0, max: 24 }),
        mi: fc.integer({ min: 0, max: 60 }),
        s: fc.integer({ min: 0, max: 61 }),
        sep: fc.constantFrom('T', 't', ' '),
        frac: fc.constantFrom('', '.5', '.123456', '.'),
        tz: fc.constantFrom('Z', 'z', '+01:00', '-05:30', '+0100', '+24:00', '+23:59', ''),
      })
      .map(
        ({ y, mo, d, h, mi, s, sep, frac, tz }) =>
          `${pad(y, 4)}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}${frac}${tz}`,
      );
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const draft = fc.record(
      {
        name: maybe(fc.oneof(text(100), fc.constant(null))),
        description: maybe(text(500)),
        hour: maybe(int),
        minute: maybe(int),
        daysOfWeek: maybe(fc.oneof(fc.array(day, { maxLength: 8 }), fc.constant('MON'))),
        executionCommand: maybe(text(1000)),
        executeUntil: maybe(fc.oneof(dateTime, fc.constant(VALID_DRAFT.executeUntil))),
        id: maybe(fc.constant('x')),
        extra: maybe(fc.integer()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(draft, (generated) => {
        // JSON has no undefined: send what the server would receive.
        const body: unknown = JSON.parse(JSON.stringify(generated));
        assert.deepEqual(
          sorted(validateTaskDraft(body)),
          sorted(server.validateDraft(body)),
          JSON.stringify(body),
        );
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });
});
