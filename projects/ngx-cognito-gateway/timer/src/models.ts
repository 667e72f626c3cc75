// Hand-written so the public types carry docs; models.spec.ts fails to compile if they stop being
// identical to the types generated from openapi/timer-api.yaml.

export type DayOfWeek = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';

/** What you send to create or replace a task. The server owns `id`, `createdAt`, `updatedAt`. */
export interface TaskDraft {
  /** 1–100 characters. */
  name: string;
  /** Up to 500 characters. */
  description?: string;
  /** 0–23. */
  hour: number;
  /** 0–59. */
  minute: number;
  /** At least one day, no repeats. */
  daysOfWeek: DayOfWeek[];
  /** 1–1000 characters. */
  executionCommand: string;
  /** RFC 3339 date-time with an offset, e.g. `2030-01-31T18:00:00+01:00`. */
  executeUntil?: string;
}

/** A stored task, as the server returns it. */
export interface Task extends TaskDraft {
  id: string;
  /** RFC 3339, set by the server. */
  createdAt: string;
  /** RFC 3339, set by the server on every change. */
  updatedAt: string;
}
