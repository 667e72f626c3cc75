import { validateTaskDraft } from 'ngx-cognito-gateway/timer';

/**
 * The contract's maximum lengths, for `maxlength` and the counters. Written out because the library
 * exports the rules only as validation; field-messages.spec.ts fails when they stop agreeing.
 */
export const LIMITS = { name: 100, description: 500, executionCommand: 1000 } as const;

const LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  executionCommand: 'Command',
  hour: 'Time',
  minute: 'Time',
  daysOfWeek: 'Days',
  executeUntil: 'Run until',
};

/**
 * The words a person reads for one of the contract's machine messages (`length must be ≤ 100`,
 * `count must be ≥ 1`…), per field. The machine wording stays in the API and the typed client; an
 * unknown message still names the field instead of showing the raw text.
 */
export function plainMessage(field: string, message: string): string {
  const label = LABELS[field];
  if (!label) return 'The timer could not be saved as it is. Check every field and try again.';
  if (field === 'hour' || field === 'minute') return 'Enter a time, such as 07:30.';
  if (field === 'daysOfWeek') {
    return /count must be ≤/.test(message)
      ? 'Pick each day at most once.'
      : 'Pick at least one day.';
  }
  if (field === 'executeUntil') {
    return 'Enter a full date and time (a 4-digit year), or clear the field.';
  }
  if (message === 'is required' || /^length must be ≥ 1$/.test(message)) {
    return `${label} is required.`;
  }
  const max = /^length must be ≤ (\d+)$/.exec(message);
  if (max) return `${label} can be at most ${max[1]} characters.`;
  if (message === 'must not contain control characters') {
    return field === 'name'
      ? `${label} can't contain invisible control characters, such as tabs or line breaks.`
      : `${label} can't contain invisible control characters other than tabs and line breaks.`;
  }
  return `${label} is not valid.`;
}

/** The plain-words problem of one field's value as the draft would carry it, or null. */
export function fieldProblem(field: string, value: unknown): string | null {
  const problem = validateTaskDraft({ [field]: value }).find((p) => p.field === field);
  return problem ? plainMessage(field, problem.message) : null;
}

/**
 * The characters of `value` that the contract's rule for `field` refuses as control characters:
 * any in a name, all but tab and line breaks in a description or command. Pasted text can carry
 * them unseen; the form offers to remove them.
 */
export function forbiddenControls(field: string, value: string): string[] {
  return [...value].filter(
    (c) =>
      /[\p{Cc}\p{Cs}]/u.test(c) &&
      validateTaskDraft({ [field]: c }).some(
        (p) => p.message === 'must not contain control characters',
      ),
  );
}
