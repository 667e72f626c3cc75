import { validateTaskDraft } from 'ngx-cognito-gateway/timer';
import { fieldProblem, LIMITS, plainMessage } from './field-messages';

describe('field messages', () => {
  it('LIMITS are the contract’s maximum lengths', () => {
    for (const [field, max] of Object.entries(LIMITS)) {
      const at = (n: number) => validateTaskDraft({ [field]: 'x'.repeat(n) });
      expect(at(max).some((e) => e.field === field))
        .withContext(field)
        .toBeFalse();
      expect(at(max + 1).some((e) => e.field === field))
        .withContext(field)
        .toBeTrue();
    }
  });

  it('turns the contract’s machine messages into words, per field', () => {
    expect(fieldProblem('name', '')).toBe('Name is required.');
    expect(fieldProblem('name', 'x'.repeat(110))).toBe('Name can be at most 100 characters.');
    expect(fieldProblem('executionCommand', 'x'.repeat(1200))).toBe(
      'Command can be at most 1000 characters.',
    );
    expect(fieldProblem('daysOfWeek', [])).toBe('Pick at least one day.');
    expect(fieldProblem('hour', -1)).toBe('Enter a time, such as 07:30.');
    expect(fieldProblem('executeUntil', '275760-01-01T10:00')).toContain('4-digit year');
    expect(fieldProblem('description', undefined)).toBeNull();
    expect(fieldProblem('name', 'Backup')).toBeNull();
  });

  it('never shows a machine message', () => {
    for (const field of ['name', 'hour', 'daysOfWeek', 'executionCommand', 'executeUntil', '']) {
      for (const message of ['must be ≥ 0', 'count must be ≥ 1', 'length must be ≥ 1', 'odd']) {
        expect(plainMessage(field, message)).not.toMatch(/[≥≤]|must be/);
      }
    }
  });
});
