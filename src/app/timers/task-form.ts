import type { DayOfWeek, Task, TaskDraft, TimerFieldError } from 'ngx-cognito-gateway/timer';
import { fieldProblem, forbiddenControls, LIMITS, plainMessage } from './field-messages';
import { DAYS, formatTime, fromLocalInput, parseTime, toLocalInput } from './format';

/** What the form's inputs hold, as the inputs give it. */
export interface TaskFields {
  name: string;
  description: string;
  time: string;
  days: DayOfWeek[];
  command: string;
  until: string;
}

export type FieldName = keyof TaskFields;

/** Fields in the order a person meets them on the page. */
export const FIELD_ORDER: readonly FieldName[] = [
  'name',
  'description',
  'time',
  'days',
  'command',
  'until',
];

export const FIELD_LABEL: Record<FieldName, string> = {
  name: 'Name',
  description: 'Description',
  time: 'Time',
  days: 'Days',
  command: 'Command',
  until: 'Run until',
};

/**
 * The contract's length limits by form field, in code points as the server counts them: the
 * field counts up to them and says when a value goes over, but never cuts what was typed.
 */
export const FIELD_MAXLENGTH: Partial<Record<FieldName, number>> = {
  name: LIMITS.name,
  description: LIMITS.description,
  command: LIMITS.executionCommand,
};

/** The contract's field behind each text field of the form. */
const TEXT_FIELDS: Partial<Record<FieldName, string>> = {
  name: 'name',
  description: 'description',
  command: 'executionCommand',
};

/** How many characters of a text field's value its rule refuses as control characters. */
export function controlsIn(field: FieldName, value: string): number {
  const contract = TEXT_FIELDS[field];
  return contract ? forbiddenControls(contract, value).length : 0;
}

/** The value without the control characters its rule refuses (tabs stay in a description). */
export function withoutControls(field: FieldName, value: string): string {
  const contract = TEXT_FIELDS[field];
  if (!contract) return value;
  const refused = new Set(forbiddenControls(contract, value));
  return [...value].filter((c) => !refused.has(c)).join('');
}

/** Form fields by the contract's field names (`hour` and `minute` share the time input). */
const FIELD_OF: Record<string, FieldName> = {
  name: 'name',
  description: 'description',
  hour: 'time',
  minute: 'time',
  daysOfWeek: 'days',
  executionCommand: 'command',
  executeUntil: 'until',
};

export const EMPTY_FIELDS: TaskFields = {
  name: '',
  description: '',
  time: '08:00',
  days: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
  command: '',
  until: '',
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
    command: task.executionCommand,
    until: loaded?.shown ?? '',
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
  const executeUntil = untilInstant(fields.until.trim(), loaded);
  return {
    name: fields.name.trim(),
    ...(description ? { description } : {}),
    hour: t?.hour ?? -1,
    minute: t?.minute ?? -1,
    daysOfWeek: DAYS.map((d) => d.value).filter((d) => fields.days.includes(d)),
    executionCommand: fields.command.trim(),
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
  set('command', fieldProblem('executionCommand', draft.executionCommand));
  set('until', fieldProblem('executeUntil', draft.executeUntil));
  const until = fields.until.trim();
  if (until && until !== loaded?.shown && Date.parse(fromLocalInput(until)) <= now) {
    set('until', 'Pick a date and time in the future, or clear the field.');
  }
  return errors;
}

/** The server's field errors by form field, in plain words; `general` for the draft itself. */
export function serverErrorsOf(errors: readonly TimerFieldError[]): {
  byField: FieldErrors;
  general: string | null;
} {
  const byField: FieldErrors = {};
  let general: string | null = null;
  for (const { field, message } of errors) {
    const name = FIELD_OF[field];
    if (name) byField[name] ??= plainMessage(field, message);
    else general = plainMessage(field, message);
  }
  return { byField, general };
}
