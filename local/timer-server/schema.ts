// Request validation straight from openapi/timer-api.yaml (ajv, JSON Schema 2020-12 = OpenAPI 3.1's
// dialect), so the server has no second, hand-kept copy of the rules.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadSpec, SPEC_PATH, type OpenApiDocument } from '../../openapi/spec.ts';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface TimerSchemas {
  /** The body's problems, one per top-level field (`''` for the body itself); `[]` when valid. */
  validateDraft(body: unknown): FieldError[];
  /** Whether a value is a `Task` as the spec defines it (tests check responses with it). */
  isTask(value: unknown): boolean;
}

// ajv-formats is CommonJS: under nodenext its default import is module.exports itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
// Never fetched: it only gives the components a base URI so `#/components/schemas/…` refs resolve.
const BASE_ID = 'https://timer-api.invalid/openapi.json';

export function loadTimerSchemas(spec: URL | string = SPEC_PATH): TimerSchemas {
  return compileTimerSchemas(loadSpec(spec));
}

export function compileTimerSchemas(doc: OpenApiDocument): TimerSchemas {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(['components']);
  ajv.addSchema({ $id: BASE_ID, components: { schemas: doc.components.schemas } });
  const draft = schema(ajv, 'TaskDraft');
  const task = schema(ajv, 'Task');
  return {
    validateDraft(body) {
      return draft(body) ? [] : fieldErrors(draft.errors ?? []);
    },
    isTask(value) {
      return task(value);
    },
  };
}

function schema(ajv: Ajv2020, name: string): ValidateFunction {
  const validate = ajv.getSchema(`${BASE_ID}#/components/schemas/${name}`);
  if (!validate) throw new Error(`openapi/timer-api.yaml has no components.schemas.${name}`);
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
    const params = error.params as { missingProperty?: string; additionalProperty?: string };
    return params.missingProperty ?? params.additionalProperty ?? '';
  }
  const first = error.instancePath.split('/')[1] ?? '';
  return first.replaceAll('~1', '/').replaceAll('~0', '~');
}

function messageOf(error: ErrorObject): string {
  const limit = (error.params as { limit?: number }).limit;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a field of this resource';
    case 'type':
      return `must be ${article(String((error.params as { type: string }).type))}`;
    case 'minLength':
      return `must have at least ${limit} character${limit === 1 ? '' : 's'}`;
    case 'maxLength':
      return `must have at most ${limit} characters`;
    case 'minimum':
      return `must be at least ${limit}`;
    case 'maximum':
      return `must be at most ${limit}`;
    case 'minItems':
      return `must have at least ${limit} item${limit === 1 ? '' : 's'}`;
    case 'uniqueItems':
      return 'must not repeat items';
    case 'enum':
      return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'format':
    case 'pattern':
      return 'must be an RFC 3339 date-time with offset, e.g. 2030-01-31T18:00:00Z';
    default:
      return error.message ?? 'is invalid';
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
