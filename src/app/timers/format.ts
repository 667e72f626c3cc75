import type { DayOfWeek } from 'ngx-cognito-gateway/timer';

export const DAYS: readonly { value: DayOfWeek; label: string }[] = [
  { value: 'MON', label: 'Mon' },
  { value: 'TUE', label: 'Tue' },
  { value: 'WED', label: 'Wed' },
  { value: 'THU', label: 'Thu' },
  { value: 'FRI', label: 'Fri' },
  { value: 'SAT', label: 'Sat' },
  { value: 'SUN', label: 'Sun' },
];

export const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatTime(hour: number, minute: number): string {
  return `${pad2(hour)}:${pad2(minute)}`;
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
