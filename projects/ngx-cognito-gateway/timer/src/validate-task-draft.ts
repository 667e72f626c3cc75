// Angular-free on purpose: openapi/validators-agree.test.ts runs this very file under Node against
// the server's ajv validation. The rules come from openapi/timer-api.yaml via the generated schema.
import { TASK_DRAFT_SCHEMA } from './generated/timer-api';
import type { FieldError } from './generated/timer-api';

/**
 * One problem with a draft: the top-level `field` (`''`: the draft itself) and a `message` in the
 * server's wording. `validateTaskDraft` returns them, and `TimerValidationError.fieldErrors` holds
 * them, whether the client or the server found them.
 *
 * @example
 * import type { TimerFieldError } from 'ngx-cognito-gateway/timer';
 * // Messages by field, to show beside each form control.
 * function messagesByField(errors: readonly TimerFieldError[]): Record<string, string> {
 *   return Object.fromEntries(errors.map(({ field, message }) => [field, message]));
 * }
 */
export type TimerFieldError = FieldError;

interface Rule {
  readonly type?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly items?: Rule;
  readonly enum?: readonly string[];
  readonly pattern?: string;
  readonly format?: string;
}

const schema: {
  readonly required: readonly string[];
  readonly properties: Readonly<Record<string, Rule>>;
} = TASK_DRAFT_SCHEMA;

/**
 * The draft's problems by top-level field (`''` for the draft itself), with the same rules and
 * wording as the server; `[]` when the server would accept it. `undefined` fields count as absent.
 * TimerClient runs it before every create and update; call it yourself to check a form as the user
 * types.
 *
 * @example
 * import { validateTaskDraft } from 'ngx-cognito-gateway/timer';
 * const errors = validateTaskDraft({
 *   name: '',
 *   hour: 24,
 *   minute: 30,
 *   daysOfWeek: ['MON'],
 *   executionCommand: 'backup',
 * });
 * // [{ field: 'name', message: 'length must be ≥ 1' }, { field: 'hour', message: 'must be ≤ 23' }]
 */
export function validateTaskDraft(draft: unknown): FieldError[] {
  if (typeof draft !== 'object' || !draft || Array.isArray(draft)) {
    return [{ field: '', message: 'must be of type object' }];
  }
  const values = draft as Record<string, unknown>;
  const { properties, required } = schema;
  const whole = wholeDraftError(values);
  if (whole) return [whole];
  const errors: FieldError[] = [];
  for (const field of new Set([...Object.keys(properties), ...Object.keys(values)])) {
    const value = values[field];
    const message = !Object.hasOwn(properties, field)
      ? value !== undefined && 'is not allowed'
      : value === undefined
        ? required.includes(field) && 'is required'
        : check(properties[field] as Rule, value);
    if (message) errors.push({ field, message });
  }
  return errors;
}

/**
 * The server refuses a draft whole, before looking at its fields, when it has more fields than
 * the contract has, or an unknown one with a name longer than any the contract has: so no answer
 * grows with the draft. The same here, in the same words.
 */
function wholeDraftError(values: Record<string, unknown>): FieldError | undefined {
  const names = Object.keys(schema.properties);
  const present = Object.keys(values).filter((field) => values[field] !== undefined);
  if (present.length > names.length) {
    return { field: '', message: `must have at most ${names.length} fields: ${names.join(', ')}` };
  }
  const longest = Math.max(...names.map((name) => name.length));
  const long = present.some((field) => field.length > longest && !names.includes(field));
  return long
    ? { field: '', message: `must not have a field name over ${longest} characters long` }
    : undefined;
}

function check(rule: Rule, value: unknown): string | false | undefined {
  const { type } = rule;
  const isArray = Array.isArray(value);
  if (
    type === 'integer'
      ? !Number.isInteger(value)
      : type === 'array'
        ? !isArray
        : typeof value !== type
  ) {
    return `must be of type ${type}`;
  }
  if (isArray) {
    return (
      // The count first: an oversized array is refused before any per-item work.
      range('count ', value.length, rule.minItems, rule.maxItems) ||
      value.map((item) => check(rule.items as Rule, item)).find(Boolean) ||
      (rule.uniqueItems &&
        new Set(value).size < value.length && // items are strings or numbers (generate.ts)
        'must not repeat items')
    );
  }
  if (typeof value === 'number') return range('', value, rule.minimum, rule.maximum);
  const text = value as string;
  return (
    range('length ', [...text].length, rule.minLength, rule.maxLength) || // code points, as JSON Schema counts
    (rule.enum && !rule.enum.includes(text) && `must be one of ${rule.enum.join(', ')}`) ||
    (rule.format
      ? (!new RegExp(rule.pattern as string, 'u').test(text) || !isCalendarDate(text)) &&
        'must be an RFC 3339 date-time'
      : rule.pattern &&
        !new RegExp(rule.pattern, 'u').test(text) &&
        'must not contain control characters')
  );
}

function range(what: string, n: number, min = -Infinity, max = Infinity): string | false {
  return n < min ? `${what}must be ≥ ${min}` : n > max && `${what}must be ≤ ${max}`;
}

/**
 * What format date-time adds to the pattern: the day exists in that month of that year. Engines
 * either roll 02-30 over to 03-02 or give an invalid date (toJSON() null); both differ.
 */
function isCalendarDate(text: string): boolean {
  const day = text.slice(0, 10);
  return new Date(day).toJSON()?.slice(0, 10) === day;
}
