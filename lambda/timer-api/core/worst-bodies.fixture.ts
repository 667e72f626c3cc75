import { VALID_DRAFT } from './drafts.fixture.ts';

/**
 * Request bodies (JSON text, each within the 64 KiB limit) that would cost the most to judge, or
 * answer with the most, if nothing bounded them: openapi/limits.test.ts holds both backends' answers
 * to them under 4 KB, and `npm run bench` measures their CPU (bench/worst-body.bench.ts).
 */
export const WORST_BODIES: readonly (readonly [title: string, json: string])[] = [
  [
    '8,000 unknown fields',
    JSON.stringify(Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [i.toString(36), 0]))),
  ],
  ['a 60,000-character field name', JSON.stringify({ ['k'.repeat(60_000)]: 1 })],
  ['30,000 nested arrays', `{"daysOfWeek":${'['.repeat(30_000)}${']'.repeat(30_000)}}`],
  [
    '11,000 days',
    JSON.stringify({ ...VALID_DRAFT, daysOfWeek: Array.from({ length: 11_000 }, (_, i) => i) }),
  ],
  [
    '60,000-character strings',
    JSON.stringify({
      ...VALID_DRAFT,
      name: 'n'.repeat(30_000),
      executionCommand: 'c'.repeat(30_000),
    }),
  ],
  [
    '10,000 control characters',
    JSON.stringify({ ...VALID_DRAFT, description: '\u0001'.repeat(10_000) }),
  ],
  ['invalid JSON of 60,000 characters', `{"name":"${'x'.repeat(60_000)}`],
];
