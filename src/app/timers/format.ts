import type { DayOfWeek } from 'ngx-cognito-gateway/timer';

const WEEK: readonly DayOfWeek[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** 2024-01-01 was a Monday: day i of the week is 2024-01-(1 + i) for Intl's weekday names. */
const dayName = (i: number, weekday: 'short' | 'long') =>
  new Intl.DateTimeFormat(undefined, { weekday }).format(new Date(2024, 0, 1 + i));

/** The week in the contract's order, named in the browser's language, as dates are. */
export const DAYS: readonly { value: DayOfWeek; label: string; name: string }[] = WEEK.map(
  (value, i) => ({ value, label: dayName(i, 'short'), name: dayName(i, 'long') }),
);

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `HH:MM`, as a time input's value (always 24 h, whatever the input shows). */
export function formatTime(hour: number, minute: number): string {
  return `${pad2(hour)}:${pad2(minute)}`;
}

/** A time of day as the browser's locale writes it (12 or 24 h), as the time input shows it. */
export function displayTime(hour: number, minute: number): string {
  return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(
    new Date(2024, 0, 1, hour, minute),
  );
}

/** An instant in the device's zone and the browser's locale, with the same time format. */
export function displayDateTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/**
 * The zone a timer's hour and minute are read in. The contract does not name one, so the demo
 * shows and enters them in the device's zone (README, "The demo app").
 */
export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether a timer's Run-until lies in the past. */
export function hasEnded(executeUntil: string | undefined, now = Date.now()): boolean {
  if (!executeUntil) return false;
  const at = Date.parse(executeUntil);
  return !Number.isNaN(at) && at <= now;
}

/** Days in week order, whatever order the server stored them in. */
export function formatDays(days: readonly DayOfWeek[]): string {
  return DAYS.filter((d) => days.includes(d.value))
    .map((d) => d.label)
    .join(', ');
}

/** `HH:MM` from a time input; null when it is not a valid time. */
export function parseTime(value: string): { hour: number; minute: number } | null {
  const m = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** An RFC 3339 instant as a `datetime-local` input shows it: the device's local time, to the minute. */
export function toLocalInput(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}T${pad2(
    date.getHours(),
  )}:${pad2(date.getMinutes())}`;
}

/**
 * A `datetime-local` value as RFC 3339 with the device's offset (`2030-01-31T18:00:00+01:00`), or
 * the value unchanged when it is not one, so the library's validation names the field.
 */
export function fromLocalInput(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi, s = '00'] = m;
  const date = new Date(+y!, +mo! - 1, +d!, +h!, +mi!, +s);
  if (Number.isNaN(date.getTime())) return value;
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
