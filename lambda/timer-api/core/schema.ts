// Request validation straight from openapi/timer-api.yaml (ajv, JSON Schema 2020-12 = OpenAPI 3.1's
// dialect), so the server has no second, hand-kept copy of the rules.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  DRAFT_BODY_POINTER,
  loadSpec,
  SPEC_PATH,
  type OpenApiDocument,
} from '../../../openapi/spec.ts';
import type { FieldError } from '../../../projects/ngx-cognito-gateway/timer/src/generated/timer-api.ts';

export type { FieldError };

export interface TimerSchemas {
  /** The body's problems, one per top-level field (`''` for the body itself); `[]` when valid. */
  validateDraft(body: unknown): FieldError[];
  /** Whether a value is a `Task` as the spec defines it (tests check responses with it). */
  isTask(value: unknown): boolean;
  /** Whether a value is a `Problem` as the spec defines it (tests check error bodies with it). */
  isProblem(value: unknown): boolean;
  /** Whether a value is a `TaskId`: any other id is no task's, in every store. */
  isTaskId(value: unknown): boolean;
}

// ajv-formats is CommonJS: under nodenext its default import is module.exports itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
// Never fetched: it only gives the components a base URI so `#/components/…` refs resolve.
const BASE_ID = 'https://timer-api.invalid/openapi.json';

export function loadTimerSchemas(spec: URL | string = SPEC_PATH): TimerSchemas {
  return compileTimerSchemas(loadSpec(spec));
}

export function compileTimerSchemas(doc: OpenApiDocument): TimerSchemas {
  // verbose: errors carry their schema, so a pattern's message can say which rule it is.
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
  addFormats(ajv);
  ajv.addVocabulary(['components']);
  ajv.addSchema({ $id: BASE_ID, components: doc.components });
  // The request body's schema, not components.schemas.TaskDraft: the body is what refuses other
  // fields (TaskDraft stays open so that Task can extend it).
  const draft = schema(ajv, DRAFT_BODY_POINTER);
  const limits = draftShape(doc.components.schemas['TaskDraft']);
  const task = schema(ajv, '#/components/schemas/Task');
  const problem = schema(ajv, '#/components/schemas/Problem');
  const taskId = schema(ajv, '#/components/schemas/TaskId');
  return {
    validateDraft(body) {
      const tooBig = shapeErrors(body, limits);
      // A body refused whole is answered with that alone: its fields are not looked at.
      if (tooBig.some(({ field }) => field === '')) return tooBig;
      if (tooBig.length === 0) return draft(body) ? [] : fieldErrors(draft.errors ?? []);
      // The schema still judges the other fields (so the answer names every mistake, as the
      // client's validator does), but never sees the ones refused for their size or depth.
      const rest: Record<string, unknown> = { ...(body as object) };
      for (const { field } of tooBig) delete rest[field];
      draft(rest);
      const others = fieldErrors(draft.errors ?? []).filter(
        (error) => !tooBig.some(({ field }) => field === error.field),
      );
      return [...others, ...tooBig];
    },
    isTask(value) {
      return task(value);
    },
    isProblem(value) {
      return problem(value);
    },
    isTaskId(value) {
      return taskId(value);
    },
  };
}

/** Deepest nesting a draft may have; a valid one has 2 (the body, then daysOfWeek). */
export const MAX_DEPTH = 4;

/** What the shape check knows of the draft schema's properties. */
export interface DraftShape {
  /** Every property's name. */
  readonly names: ReadonlySet<string>;
  /** `maxItems` of each array property. */
  readonly maxItems: ReadonlyMap<string, number>;
  /** `maxLength` of each string property. */
  readonly maxLength: ReadonlyMap<string, number>;
}

export function draftShape(draft: unknown): DraftShape {
  type Rule = { maxItems?: unknown; maxLength?: unknown };
  const properties = (draft as { properties?: Record<string, Rule> })?.properties ?? {};
  const maxItems = new Map<string, number>();
  const maxLength = new Map<string, number>();
  for (const [name, rule] of Object.entries(properties)) {
    if (typeof rule.maxItems === 'number') maxItems.set(name, rule.maxItems);
    if (typeof rule.maxLength === 'number') maxLength.set(name, rule.maxLength);
  }
  return { names: new Set(Object.keys(properties)), maxItems, maxLength };
}

/**
 * The checks that keep every request's cost and every answer small, run before the schema:
 * - more fields than the schema has properties, or an unknown field whose name is longer than
 *   every property's: the body is refused whole (field ''), so no error list grows with the body
 *   and no answer quotes a long name;
 * - an array longer than its maxItems: ajv's uniqueItems compares items pairwise (quadratic);
 * - a string over twice its maxLength in UTF-16 units (so surely over it in code points): its
 *   pattern is not run over up to 64 KiB;
 * - nesting deeper than MAX_DEPTH: deep-equal recursion over nested arrays can exhaust the stack.
 * Iterative, linear in the body, and the depth walk stops at the first level past the limit.
 */
export function shapeErrors(body: unknown, shape: DraftShape): FieldError[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const fields = Object.keys(body);
  const longestName = Math.max(...[...shape.names].map((name) => name.length));
  if (fields.length > shape.names.size) {
    return [
      {
        field: '',
        message: `must have at most ${shape.names.size} fields: ${[...shape.names].join(', ')}`,
      },
    ];
  }
  if (fields.some((field) => field.length > longestName && !shape.names.has(field))) {
    return [
      { field: '', message: `must not have a field name over ${longestName} characters long` },
    ];
  }
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(body)) {
    const items = shape.maxItems.get(field);
    const length = shape.maxLength.get(field);
    if (items !== undefined && Array.isArray(value) && value.length > items) {
      errors.push({ field, message: `count must be ≤ ${items}` });
    } else if (length !== undefined && typeof value === 'string' && value.length > 2 * length) {
      errors.push({ field, message: `length must be ≤ ${length}` });
    } else if (deeperThan(value, MAX_DEPTH - 1)) {
      errors.push({ field, message: `must not be nested more than ${MAX_DEPTH} levels deep` });
    }
  }
  return errors;
}

/** Whether `value` nests objects or arrays more than `levels` deep (breadth first, no recursion). */
function deeperThan(value: unknown, levels: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const item of level) {
      if (typeof item !== 'object' || item === null) continue;
      for (const child of Object.values(item)) next.push(child);
    }
    if (next.length > 0 && depth >= levels) return true;
    level = next;
  }
  return false;
}

function schema(ajv: Ajv2020, pointer: string): ValidateFunction {
  const validate = ajv.getSchema(`${BASE_ID}${pointer}`);
  if (!validate) throw new Error(`openapi/timer-api.yaml has no ${pointer}`);
  return validate;
}

/** One message per field (the first ajv reports), keyed by the top-level property. */
export function fieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  const byField = new Map<string, string>();
  for (const error of errors) {
    const field = fieldOf(error);
    if (!byField.has(field)) byField.set(field, messageOf(error));
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

function fieldOf(error: ErrorObject): string {
  if (error.instancePath === '') {
    const params = error.params as { missingProperty?: string; unevaluatedProperty?: string };
    return params.missingProperty ?? params.unevaluatedProperty ?? '';
  }
  const first = error.instancePath.split('/')[1] ?? '';
  return first.replaceAll('~1', '/').replaceAll('~0', '~');
}

// Same wording as the client's validateTaskDraft: openapi/validators-agree.test.ts compares them.
function messageOf(error: ErrorObject): string {
  const { limit, type, allowedValues } = error.params as {
    limit?: number;
    type?: string;
    allowedValues?: unknown[];
  };
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'unevaluatedProperties':
      return 'is not allowed';
    case 'type':
      return `must be of type ${type}`;
    case 'minLength':
      return `length must be ≥ ${limit}`;
    case 'maxLength':
      return `length must be ≤ ${limit}`;
    case 'minimum':
      return `must be ≥ ${limit}`;
    case 'maximum':
      return `must be ≤ ${limit}`;
    case 'minItems':
      return `count must be ≥ ${limit}`;
    case 'maxItems':
      return `count must be ≤ ${limit}`;
    case 'uniqueItems':
      return 'must not repeat items';
    case 'enum':
      return `must be one of ${allowedValues?.join(', ')}`;
    case 'format':
      return 'must be an RFC 3339 date-time';
    case 'pattern':
      return (error.parentSchema as { format?: string } | undefined)?.format === 'date-time'
        ? 'must be an RFC 3339 date-time'
        : 'must not contain control characters';
    default:
      return error.message ?? 'is invalid';
  }
}
