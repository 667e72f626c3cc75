import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generate, GENERATED_PATH } from './generate.ts';
import { DRAFT_BODY_POINTER, loadSpec, resolvePointer } from './spec.ts';

/** TaskDraft's properties in a loaded spec, each field's schema open to change. */
const draftProperties = (doc: ReturnType<typeof loadSpec>) =>
  doc.components.schemas['TaskDraft']?.['properties'] as Record<string, Record<string, unknown>>;

describe('generated Timer client module', () => {
  it('is what openapi/timer-api.yaml generates today (run openapi/generate.ts if not)', async () => {
    assert.equal(readFileSync(GENERATED_PATH, 'utf8'), await generate());
  });

  it('follows a changed rule into the client rules', async () => {
    const doc = loadSpec();
    draftProperties(doc)['name']!['maxLength'] = 80;
    const text = await generate(doc);
    assert.match(text, /name: \{ type: 'string', minLength: 1, maxLength: 80,/);
  });

  it('refuses a rule keyword the client validator does not implement', async () => {
    const doc = loadSpec();
    draftProperties(doc)['minute']!['multipleOf'] = 5;
    await assert.rejects(generate(doc), /keyword "multipleOf" is not implemented/);
  });

  it('refuses format date-time without the pattern the client relies on', async () => {
    const doc = loadSpec();
    delete draftProperties(doc)['executeUntil']!['pattern'];
    await assert.rejects(generate(doc), /only format date-time, together with a pattern/);
  });

  it('types optional and required fields as the spec says', async () => {
    const text = await generate();
    assert.match(
      text,
      /export interface TaskDraft \{\n {2}\/\*\* 1–100 characters, no control characters\. \*\/\n {2}name: string;\n {2}\/\*\* Up to 500 characters;[^*]*\*\/\n {2}description\?: string;/,
    );
    assert.match(text, /daysOfWeek: DayOfWeek\[\];/);
  });

  it('writes Task as a TaskDraft extended with the fields the server sets', async () => {
    const text = await generate();
    const task = /export interface Task extends TaskDraft \{\n([^}]*)\}/.exec(text)?.[1] ?? '';
    const fields = [...task.matchAll(/^ {2}(\w+\??):/gm)].map((m) => m[1]);
    assert.deepEqual(fields, ['id', 'createdAt', 'updatedAt', 'version']);
  });

  it('refuses a draft request body that does not refuse other fields', async () => {
    const doc = loadSpec();
    const body = resolvePointer(doc, DRAFT_BODY_POINTER);
    delete body['unevaluatedProperties'];
    await assert.rejects(
      generate(doc),
      /must be an object \$ref with unevaluatedProperties: false/,
    );
  });

  it('refuses a TaskDraft closed on its own, which Task could not extend', async () => {
    const doc = loadSpec();
    doc.components.schemas['TaskDraft']!['additionalProperties'] = false;
    await assert.rejects(generate(doc), /must leave additionalProperties to the schemas/);
  });

  it("writes a schema's examples, and only those, as @example code typed with its schema", async () => {
    const doc = loadSpec();
    doc.components.schemas['DayOfWeek']!['examples'] = ['FRI', 'SAT'];
    const text = await generate(doc);
    const day = /\/\*\*\n((?: \*.*\n)*) \*\/\nexport type DayOfWeek /.exec(text)?.[1] ?? '';
    assert.equal(
      day,
      [
        ' * @example',
        " * import type { DayOfWeek } from 'ngx-cognito-gateway/timer';",
        " * const dayOfWeek: DayOfWeek = 'FRI';",
        ' *',
        ' * @example',
        " * import type { DayOfWeek } from 'ngx-cognito-gateway/timer';",
        " * const dayOfWeek: DayOfWeek = 'SAT';",
        '',
      ].join('\n'),
    );
    // No examples in the spec, no @example: FieldError and Problem have none.
    assert.match(text, /\nexport interface FieldError \{/);
    assert.doesNotMatch(text, /@example[^/]*(FieldError|Problem) =/);
  });
});
