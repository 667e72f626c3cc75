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
  /** Whether a value is a `Problem` as the spec defines it (tests check error bodies with it). */
  isProblem(value: unknown): boolean;
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
  const problem = schema(ajv, 'Problem');
  return {
    validateDraft(body) {
      return draft(body) ? [] : fieldErrors(draft.errors ?? []);
    },
    isTask(value) {
      return task(value);
    },
    isProblem(value) {
      return problem(value);
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
    case 'additionalProperties':
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
    case 'uniqueItems':
      return 'must not repeat items';
    case 'enum':
      return `must be one of ${allowedValues?.join(', ')}`;
    case 'format':
    case 'pattern':
      return 'must be an RFC 3339 date-time';
    default:
      return error.message ?? 'is invalid';
  }
}
