import { validateTaskDraft } from 'ngx-cognito-gateway/timer';
import { fieldProblem, forbiddenControls, LIMITS, plainMessage } from './field-messages';

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

  it('says what is wrong with control characters, per field rule', () => {
    expect(fieldProblem('name', 'Back\tup')).toBe(
      "Name can't contain invisible control characters, such as tabs or line breaks.",
    );
    expect(fieldProblem('description', 'a\u0007b')).toBe(
      "Description can't contain invisible control characters other than tabs and line breaks.",
    );
    expect(fieldProblem('description', 'line one\nline two\tend')).toBeNull();
  });

  it('finds the control characters each field refuses: every one in a name, not tabs elsewhere', () => {
    expect(forbiddenControls('name', 'a\tb\u0000c\u200bd')).toEqual(['\t', '\u0000']);
    expect(forbiddenControls('executionCommand', 'a\tb\u001bc\r\n')).toEqual(['\u001b']);
    expect(forbiddenControls('name', '😀 ok')).toEqual([]);
  });

  it('never shows a machine message', () => {
    for (const field of ['name', 'hour', 'daysOfWeek', 'executionCommand', 'executeUntil', '']) {
      for (const message of ['must be ≥ 0', 'count must be ≥ 1', 'length must be ≥ 1', 'odd']) {
        expect(plainMessage(field, message)).not.toMatch(/[≥≤]|must be/);
      }
    }
  });
});
