// Drafts at and just past every rule's boundary in openapi/timer-api.yaml, shared by both backends'
// tests (the Lambda's handler.test.ts, the reference server's HTTP tests) and
// openapi/validators-agree.test.ts (server ajv vs client validateTaskDraft).
export const VALID_DRAFT = {
  name: 'Nightly backup',
  description: 'Copies the database to S3',
  hour: 2,
  minute: 30,
  daysOfWeek: ['MON', 'WED', 'FRI'],
  executionCommand: '/usr/local/bin/backup --all',
  executeUntil: '2030-01-31T18:00:00+01:00',
};

type Draft = Record<string, unknown>;
const without = (key: string): Draft => {
  const copy: Draft = { ...VALID_DRAFT };
  delete copy[key];
  return copy;
};
const withField = (key: string, value: unknown): Draft => ({ ...VALID_DRAFT, [key]: value });
/** The full draft but its description, and one more field: seven fields, as many as the schema has. */
const besideSix = (key: string, value: unknown): Draft => ({
  ...without('description'),
  [key]: value,
});

export interface DraftCase {
  readonly title: string;
  readonly body: unknown;
  /** Top-level fields that must be reported; [] means valid. */
  readonly invalid: readonly string[];
}

export const DRAFT_CASES: readonly DraftCase[] = [
  { title: 'full valid draft', body: VALID_DRAFT, invalid: [] },
  { title: 'only required fields', body: without('description'), invalid: [] },
  { title: 'no executeUntil', body: without('executeUntil'), invalid: [] },
  ...['name', 'hour', 'minute', 'daysOfWeek', 'executionCommand'].map((field) => ({
    title: `missing ${field}`,
    body: without(field),
    invalid: [field],
  })),
  // name: 1..100 characters, counted as code points like ajv does
  { title: 'name of 1 char', body: withField('name', 'x'), invalid: [] },
  { title: 'name empty', body: withField('name', ''), invalid: ['name'] },
  { title: 'name of 100 chars', body: withField('name', 'n'.repeat(100)), invalid: [] },
  { title: 'name of 101 chars', body: withField('name', 'n'.repeat(101)), invalid: ['name'] },
  { title: 'name of 100 emoji', body: withField('name', '⏰'.repeat(100)), invalid: [] },
  { title: 'name of 100 astral emoji', body: withField('name', '🕑'.repeat(100)), invalid: [] },
  {
    title: 'name of 101 astral emoji',
    body: withField('name', '🕑'.repeat(101)),
    invalid: ['name'],
  },
  { title: 'name a number', body: withField('name', 7), invalid: ['name'] },
  { title: 'name null', body: withField('name', null), invalid: ['name'] },
  // description: optional, <= 500
  { title: 'description empty', body: withField('description', ''), invalid: [] },
  { title: 'description 500', body: withField('description', 'd'.repeat(500)), invalid: [] },
  {
    title: 'description 501',
    body: withField('description', 'd'.repeat(501)),
    invalid: ['description'],
  },
  { title: 'description null', body: withField('description', null), invalid: ['description'] },
  // hour 0..23, minute 0..59, integers
  { title: 'hour 0', body: withField('hour', 0), invalid: [] },
  { title: 'hour 23', body: withField('hour', 23), invalid: [] },
  { title: 'hour -1', body: withField('hour', -1), invalid: ['hour'] },
  { title: 'hour 24', body: withField('hour', 24), invalid: ['hour'] },
  { title: 'hour 1.5', body: withField('hour', 1.5), invalid: ['hour'] },
  { title: 'hour as string', body: withField('hour', '1'), invalid: ['hour'] },
  { title: 'minute 0', body: withField('minute', 0), invalid: [] },
  { title: 'minute 59', body: withField('minute', 59), invalid: [] },
  { title: 'minute -1', body: withField('minute', -1), invalid: ['minute'] },
  { title: 'minute 60', body: withField('minute', 60), invalid: ['minute'] },
  { title: 'minute true', body: withField('minute', true), invalid: ['minute'] },
  // daysOfWeek: non-empty set of MON..SUN
  {
    title: 'all seven days',
    body: withField('daysOfWeek', ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']),
    invalid: [],
  },
  { title: 'one day', body: withField('daysOfWeek', ['SUN']), invalid: [] },
  { title: 'no days', body: withField('daysOfWeek', []), invalid: ['daysOfWeek'] },
  {
    title: 'eight days (one repeated)',
    body: withField('daysOfWeek', ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'MON']),
    invalid: ['daysOfWeek'],
  },
  {
    title: '11,000 days, with a missing name',
    body: { ...without('name'), daysOfWeek: Array.from({ length: 11_000 }, (_, i) => i) },
    invalid: ['daysOfWeek', 'name'],
  },
  { title: 'repeated day', body: withField('daysOfWeek', ['MON', 'MON']), invalid: ['daysOfWeek'] },
  { title: 'lower-case day', body: withField('daysOfWeek', ['mon']), invalid: ['daysOfWeek'] },
  { title: 'unknown day', body: withField('daysOfWeek', ['FUN']), invalid: ['daysOfWeek'] },
  { title: 'days as string', body: withField('daysOfWeek', 'MON'), invalid: ['daysOfWeek'] },
  { title: 'day as number', body: withField('daysOfWeek', [1]), invalid: ['daysOfWeek'] },
  // executionCommand: 1..1000
  { title: 'command of 1', body: withField('executionCommand', 'x'), invalid: [] },
  {
    title: 'command empty',
    body: withField('executionCommand', ''),
    invalid: ['executionCommand'],
  },
  { title: 'command 1000', body: withField('executionCommand', 'c'.repeat(1000)), invalid: [] },
  {
    title: 'command 1001',
    body: withField('executionCommand', 'c'.repeat(1001)),
    invalid: ['executionCommand'],
  },
  // executeUntil: RFC 3339 date-time with offset
  { title: 'until Z', body: withField('executeUntil', '2030-01-31T18:00:00Z'), invalid: [] },
  {
    title: 'until lower-case t and z',
    body: withField('executeUntil', '2030-01-31t18:00:00z'),
    invalid: [],
  },
  {
    title: 'until fraction and -05:30',
    body: withField('executeUntil', '2030-01-31T18:00:00.123456-05:30'),
    invalid: [],
  },
  {
    title: 'until 29 Feb leap year',
    body: withField('executeUntil', '2028-02-29T00:00:00Z'),
    invalid: [],
  },
  {
    title: 'until 29 Feb 2000',
    body: withField('executeUntil', '2000-02-29T00:00:00Z'),
    invalid: [],
  },
  {
    title: 'until 29 Feb 1900',
    body: withField('executeUntil', '1900-02-29T00:00:00Z'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until 29 Feb non-leap',
    body: withField('executeUntil', '2027-02-29T00:00:00Z'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until 31 Apr',
    body: withField('executeUntil', '2030-04-31T00:00:00Z'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until 31 Dec 23:59:59',
    body: withField('executeUntil', '2030-12-31T23:59:59+14:00'),
    invalid: [],
  },
  {
    title: 'until month 13',
    body: withField('executeUntil', '2030-13-01T00:00:00Z'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until hour 24',
    body: withField('executeUntil', '2030-01-01T24:00:00Z'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until leap second',
    body: withField('executeUntil', '2030-12-31T23:59:60Z'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until no offset',
    body: withField('executeUntil', '2030-01-31T18:00:00'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until offset without colon',
    body: withField('executeUntil', '2030-01-31T18:00:00+0100'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until space separator',
    body: withField('executeUntil', '2030-01-31 18:00:00Z'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until date only',
    body: withField('executeUntil', '2030-01-31'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until offset +24:00',
    body: withField('executeUntil', '2030-01-31T18:00:00+24:00'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until epoch number',
    body: withField('executeUntil', 1893456000),
    invalid: ['executeUntil'],
  },
  {
    title: 'until trailing newline',
    body: withField('executeUntil', '2030-01-31T18:00:00Z\n'),
    invalid: ['executeUntil'],
  },
  // unknown and server-owned fields (beside six known ones: seven fields in all, so each is named)
  { title: 'unknown field', body: besideSix('priority', 1), invalid: ['priority'] },
  { title: 'client-chosen id', body: besideSix('id', 'chosen-by-client'), invalid: ['id'] },
  {
    title: 'client-chosen createdAt',
    body: besideSix('createdAt', '2020-01-01T00:00:00Z'),
    invalid: ['createdAt'],
  },
  {
    title: 'client-chosen updatedAt',
    body: besideSix('updatedAt', '2020-01-01T00:00:00Z'),
    invalid: ['updatedAt'],
  },
  {
    title: '__proto__ key',
    body: JSON.parse(
      '{"__proto__":{"x":1},"name":"a","hour":1,"minute":1,"daysOfWeek":["MON"],"executionCommand":"c"}',
    ),
    invalid: ['__proto__'],
  },
  { title: 'constructor key', body: besideSix('constructor', 'x'), invalid: ['constructor'] },
  {
    title: 'several fields at once',
    body: { name: '', hour: 99, minute: 0, daysOfWeek: [], executionCommand: 'c', extra: 1 },
    invalid: ['name', 'hour', 'daysOfWeek', 'extra'],
  },
  // refused whole, before the schema (the answer stays small whatever the body)
  { title: 'eight fields (a full draft and an id)', body: withField('id', 'x'), invalid: [''] },
  {
    title: 'nine fields',
    body: { ...VALID_DRAFT, extra: 1, more: 2 },
    invalid: [''],
  },
  {
    title: '8,000 unknown fields (all of 64 KiB)',
    body: Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [i.toString(36), 0])),
    invalid: [''],
  },
  {
    title: 'an unknown field named with 16 characters',
    body: besideSix('x'.repeat(16), 1),
    invalid: ['x'.repeat(16)],
  },
  {
    title: 'an unknown field named with 17 characters',
    body: besideSix('x'.repeat(17), 1),
    invalid: [''],
  },
  {
    title: 'an unknown field named with 60,000 characters',
    body: { name: 'n', ['k'.repeat(60_000)]: 1 },
    invalid: [''],
  },
  { title: 'name of 201 chars', body: withField('name', 'n'.repeat(201)), invalid: ['name'] },
  {
    title: 'command of 10,000 control characters (60 KB as JSON)',
    body: withField('executionCommand', '\u0000'.repeat(10_000)),
    invalid: ['executionCommand'],
  },
  {
    title: 'until of 36 chars',
    body: withField('executeUntil', '2030-01-31T18:00:00.1234567891+01:00'),
    invalid: ['executeUntil'],
  },
  {
    title: 'until of 35 chars',
    body: withField('executeUntil', '2030-01-31T18:00:00.123456789+01:00'),
    invalid: [],
  },
  {
    title: 'until with a 60,000-digit fraction',
    body: withField('executeUntil', `2030-01-31T18:00:00.${'1'.repeat(60_000)}Z`),
    invalid: ['executeUntil'],
  },
  // not an object at all
  { title: 'array body', body: [VALID_DRAFT], invalid: [''] },
  { title: 'null body', body: null, invalid: [''] },
  { title: 'string body', body: 'task', invalid: [''] },
  {
    title: 'empty object',
    body: {},
    invalid: ['name', 'hour', 'minute', 'daysOfWeek', 'executionCommand'],
  },
];
