import { TaskDraft, validateTaskDraft } from 'ngx-cognito-gateway/timer';

// The full table (every rule at its boundaries, 2000 generated drafts) runs under Node against the
// server's ajv validation in openapi/validators-agree.test.ts; this checks the browser build.
const DRAFT: TaskDraft = {
  name: 'n',
  hour: 0,
  minute: 59,
  daysOfWeek: ['SUN'],
  executionCommand: 'c',
};

describe('validateTaskDraft (in the browser)', () => {
  it('accepts a minimal draft and ignores undefined optional fields', () => {
    expect(validateTaskDraft(DRAFT)).toEqual([]);
    expect(validateTaskDraft({ ...DRAFT, description: undefined })).toEqual([]);
  });

  it('counts code points, as the server does', () => {
    expect(validateTaskDraft({ ...DRAFT, name: '🕑'.repeat(100) })).toEqual([]);
    expect(validateTaskDraft({ ...DRAFT, name: '🕑'.repeat(101) })).toEqual([
      { field: 'name', message: 'length must be ≤ 100' },
    ]);
  });

  it('checks the calendar of executeUntil with this browser’s Date', () => {
    const until = (executeUntil: string) => validateTaskDraft({ ...DRAFT, executeUntil });
    expect(until('2028-02-29T00:00:00Z')).toEqual([]);
    expect(until('0000-02-29T00:00:00Z')).toEqual([]);
    for (const bad of [
      '2027-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2030-04-31T12:00:00+02:00',
    ]) {
      expect(until(bad)).toEqual([
        { field: 'executeUntil', message: 'must be an RFC 3339 date-time' },
      ]);
    }
  });

  it('reports a non-object as a problem of the whole body', () => {
    for (const body of [null, [], 'x', 1]) {
      expect(validateTaskDraft(body)).toEqual([{ field: '', message: 'must be of type object' }]);
    }
  });

  it('answers what its @example says it answers', () => {
    const errors = validateTaskDraft({
      name: '',
      hour: 24,
      minute: 30,
      daysOfWeek: ['MON'],
      executionCommand: 'backup',
    });
    expect(errors).toEqual([
      { field: 'name', message: 'length must be ≥ 1' },
      { field: 'hour', message: 'must be ≤ 23' },
    ]);
  });
});
