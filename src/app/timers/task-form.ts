import {
  MAX_LENGTH,
  metadata,
  validateTree,
  type SchemaFn,
  type SchemaPath,
} from '@angular/forms/signals';
import type { DayOfWeek, Task, TaskDraft, TimerFieldError } from 'ngx-cognito-gateway/timer';
import { INVISIBLE_REFUSED } from '../ui/field-help';
import { label, type FormProblem } from '../ui/form-status';
import { fieldProblem, forbiddenControls, LIMITS, plainMessage } from './field-messages';
import { DAYS, formatTime, fromLocalInput, parseTime, toLocalInput } from './format';

/** What the form's inputs hold, as the inputs give it (in the order a person meets them). */
export interface TaskFields {
  name: string;
  description: string;
  time: string;
  days: DayOfWeek[];
  executionCommand: string;
  executeUntil: string;
}

export type FieldName = keyof TaskFields;

const FIELD_LABEL: Record<FieldName, string> = {
  name: 'Name',
  description: 'Description',
  time: 'Time',
  days: 'Days',
  executionCommand: 'Command',
  executeUntil: 'Run until',
};

/** Form fields by the contract's field names (`hour` and `minute` share the time input). */
const FIELD_OF: Record<string, FieldName> = {
  name: 'name',
  description: 'description',
  hour: 'time',
  minute: 'time',
  daysOfWeek: 'days',
  executionCommand: 'executionCommand',
  executeUntil: 'executeUntil',
};

export const EMPTY_FIELDS: TaskFields = {
  name: '',
  description: '',
  time: '08:00',
  days: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
  executionCommand: '',
  executeUntil: '',
};

/** The loaded task's end and how the input first showed it: sent back as is unless edited. */
export interface LoadedUntil {
  instant: string;
  shown: string;
}

export type FieldErrors = Partial<Record<FieldName, string>>;

export function loadedUntilOf(task: Task): LoadedUntil | undefined {
  return task.executeUntil
    ? { instant: task.executeUntil, shown: toLocalInput(task.executeUntil) }
    : undefined;
}

export function fieldsOf(task: Task, loaded: LoadedUntil | undefined): TaskFields {
  return {
    name: task.name,
    description: task.description ?? '',
    time: formatTime(task.hour, task.minute),
    days: [...task.daysOfWeek],
    executionCommand: task.executionCommand,
    executeUntil: loaded?.shown ?? '',
  };
}

function untilInstant(value: string, loaded: LoadedUntil | undefined): string | null {
  if (!value) return null;
  // PUT replaces the whole task: an end the user did not touch goes back exactly as it came.
  return value === loaded?.shown ? loaded.instant : fromLocalInput(value);
}

/** The draft the form holds, in the contract's shape (days in week order). */
export function draftOf(fields: TaskFields, loaded: LoadedUntil | undefined): TaskDraft {
  const t = parseTime(fields.time);
  const description = fields.description.trim();
  const executeUntil = untilInstant(fields.executeUntil.trim(), loaded);
  return {
    name: fields.name.trim(),
    ...(description ? { description } : {}),
    hour: t?.hour ?? -1,
    minute: t?.minute ?? -1,
    daysOfWeek: DAYS.map((d) => d.value).filter((d) => fields.days.includes(d)),
    executionCommand: fields.executionCommand.trim(),
    ...(executeUntil ? { executeUntil } : {}),
  };
}

/**
 * Each field's problem in plain words, by the contract's rules (the library's validator) plus
 * one of the app's own: a new or changed Run-until must lie ahead. An ended timer's untouched end
 * may stay as it is.
 */
export function problemsOf(
  fields: TaskFields,
  loaded: LoadedUntil | undefined,
  now = Date.now(),
): FieldErrors {
  const draft = draftOf(fields, loaded);
  const errors: FieldErrors = {};
  const set = (field: FieldName, message: string | null) => {
    if (message && !errors[field]) errors[field] = message;
  };
  set('name', fieldProblem('name', draft.name));
  set('description', fieldProblem('description', draft.description));
  set('time', fieldProblem('hour', draft.hour) ?? fieldProblem('minute', draft.minute));
  set('days', fieldProblem('daysOfWeek', draft.daysOfWeek));
  set('executionCommand', fieldProblem('executionCommand', draft.executionCommand));
  set('executeUntil', fieldProblem('executeUntil', draft.executeUntil));
  const until = fields.executeUntil.trim();
  if (until && until !== loaded?.shown && Date.parse(fromLocalInput(until)) <= now) {
    set('executeUntil', 'Pick a date and time in the future, or clear the field.');
  }
  return errors;
}

/** The server's field errors in plain words, on the form's fields; without one for the draft. */
export function serverProblemsOf(errors: readonly TimerFieldError[]): FormProblem[] {
  return errors.map(({ field, message }) => ({
    message: plainMessage(field, message),
    ...(FIELD_OF[field] ? { field: FIELD_OF[field] } : {}),
  }));
}

/**
 * A text field of the contract's: its length limit (in code points as the server counts them:
 * `app-field-help` counts up to it and says when a value goes over, but never cuts what was typed)
 * and the invisible control characters its rule refuses (offered for removal).
 */
function textField(path: SchemaPath<string>, contract: keyof typeof LIMITS): void {
  metadata(path, MAX_LENGTH, () => LIMITS[contract]);
  metadata(path, INVISIBLE_REFUSED, () => (value: string) => forbiddenControls(contract, value));
}

/**
 * The form's schema: each field's label, and the contract's rules as one validator over the whole
 * draft (`problemsOf`, the library's `validateTaskDraft` behind it), each problem on its field.
 * `loaded` is the end of the task being edited, sent back as it came unless changed.
 */
export function taskRules(loaded: () => LoadedUntil | undefined): SchemaFn<TaskFields> {
  return (task) => {
    for (const field of Object.keys(FIELD_LABEL) as FieldName[]) {
      label(task[field], FIELD_LABEL[field]);
    }
    textField(task.name, 'name');
    textField(task.description, 'description');
    textField(task.executionCommand, 'executionCommand');
    validateTree(task, ({ value, fieldTreeOf }) =>
      Object.entries(problemsOf(value(), loaded())).map(([field, message]) => ({
        kind: 'task-rule',
        message,
        fieldTree: fieldTreeOf<unknown>(task[field as FieldName]),
      })),
    );
  };
}
