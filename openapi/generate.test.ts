import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generate, GENERATED_PATH } from './generate.ts';
import { loadSpec } from './spec.ts';

describe('generated Timer client module', () => {
  it('is what openapi/timer-api.yaml generates today (run openapi/generate.ts if not)', async () => {
    assert.equal(readFileSync(GENERATED_PATH, 'utf8'), await generate());
  });

  it('follows a changed rule into the client rules', async () => {
    const doc = loadSpec();
    const name = doc.components.schemas['TaskDraft']?.['properties'] as Record<
      string,
      Record<string, unknown>
    >;
    name['name']!['maxLength'] = 80;
    const text = await generate(doc);
    assert.match(text, /name: \{ type: 'string', minLength: 1, maxLength: 80,/);
  });

  it('refuses a rule keyword the client validator does not implement', async () => {
    const doc = loadSpec();
    const props = doc.components.schemas['TaskDraft']?.['properties'] as Record<
      string,
      Record<string, unknown>
    >;
    props['minute']!['multipleOf'] = 5;
    await assert.rejects(generate(doc), /keyword "multipleOf" is not implemented/);
  });

  it('refuses format date-time without the pattern the client relies on', async () => {
    const doc = loadSpec();
    const props = doc.components.schemas['TaskDraft']?.['properties'] as Record<
      string,
      Record<string, unknown>
    >;
    delete props['executeUntil']!['pattern'];
    await assert.rejects(generate(doc), /only format date-time, together with a pattern/);
  });

  it('types optional and required fields as the spec says', async () => {
    const text = await generate();
    assert.match(
      text,
      /export interface Task \{\n {2}\/\*\* Set by the server\. \*\/\n {2}id: string;\n {2}\/\*\* 1–100 characters, no control characters\. \*\/\n {2}name: string;\n {2}\/\*\* Up to 500 characters;[^*]*\*\/\n {2}description\?: string;/,
    );
    assert.match(text, /daysOfWeek: DayOfWeek\[\];/);
  });
});
