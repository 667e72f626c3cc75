import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { compileTimerSchemas } from '../lambda/timer-api/core/schema.ts';
import { loadSpec, resolvePointer, type Schema } from './spec.ts';

// ajv-formats is CommonJS: under nodenext its default import is module.exports itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const doc = loadSpec();
const SERVER_OWNED = ['createdAt', 'id', 'updatedAt', 'version'];
const DRAFT = { name: 'Backup', hour: 3, minute: 0, daysOfWeek: ['MON'], executionCommand: 'run' };
const TASK = {
  ...DRAFT,
  id: 't1',
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  version: 1,
};

function* refs(node: unknown, at = '#'): Generator<[string, string]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* refs(item, `${at}/${i}`);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') yield [at, value];
      else yield* refs(value, `${at}/${key}`);
    }
  }
}

describe('openapi/timer-api.yaml', () => {
  it('is OpenAPI 3.1 with every $ref resolving inside the document', () => {
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    const all = [...refs(doc)];
    assert.ok(all.length > 10);
    for (const [at, ref] of all)
      assert.doesNotThrow(() => resolvePointer(doc, ref), `${at}: ${ref}`);
  });

  it('has the resource paths and operations of the existing Timer Service', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item as object)
        .filter((key) => ['get', 'post', 'put', 'delete', 'patch'].includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    assert.deepEqual(ops.sort(), [
      'DELETE /tasks/{id}',
      'GET /tasks',
      'GET /tasks/{id}',
      'POST /tasks',
      'PUT /tasks/{id}',
    ]);
  });

  it('compiles every component schema with ajv in strict mode', () => {
    const schemas = compileTimerSchemas(doc);
    assert.equal(schemas.isProblem({ type: 'about:blank', title: 'Not Found', status: 404 }), true);
    assert.equal(schemas.isProblem({ title: 'no type' }), false);
    assert.equal(schemas.isTask({ name: 'no id' }), false);
  });

  it('makes Task a TaskDraft plus the four server-owned fields, and nothing else', () => {
    const task = doc.components.schemas['Task'] as { allOf: Schema[] };
    const [draft, own, ...more] = task.allOf;
    assert.deepEqual(draft, { $ref: '#/components/schemas/TaskDraft' });
    assert.deepEqual(more, []);
    const { properties, required } = own as { properties: object; required: string[] };
    assert.deepEqual(Object.keys(properties).sort(), SERVER_OWNED);
    assert.deepEqual([...required].sort(), SERVER_OWNED);
  });

  it('accepts a stored task and refuses one with another field, in a Task as in a draft', () => {
    const schemas = compileTimerSchemas(doc);
    assert.equal(schemas.isTask(TASK), true);
    assert.equal(schemas.isTask({ ...TASK, description: 'tab\tand\nlines' }), true);
    assert.equal(schemas.isTask({ ...TASK, owner: 'someone' }), false);
    assert.equal(schemas.isTask({ ...TASK, name: '' }), false);
    const { version: _, ...unversioned } = TASK;
    assert.equal(schemas.isTask(unversioned), false);
    assert.deepEqual(schemas.validateDraft({ ...DRAFT, owner: 'someone', hour: 24 }), [
      { field: 'hour', message: 'must be ≤ 23' },
      { field: 'owner', message: 'is not allowed' },
    ]);
  });

  it('gives Task, TaskDraft, TaskId and DayOfWeek examples that their schemas accept (generate.ts shows them as @example)', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    ajv.addVocabulary(['components']);
    ajv.addSchema({ $id: 'https://timer-api.invalid/openapi.json', components: doc.components });
    const withExamples = Object.entries(doc.components.schemas).filter(([, s]) => s['examples']);
    assert.deepEqual(withExamples.map(([name]) => name).sort(), [
      'DayOfWeek',
      'Task',
      'TaskDraft',
      'TaskId',
    ]);
    for (const [name, schema] of withExamples) {
      const valid = ajv.getSchema(
        `https://timer-api.invalid/openapi.json#/components/schemas/${name}`,
      )!;
      for (const example of schema['examples'] as unknown[]) {
        assert.equal(valid(example), true, `${name}: ${JSON.stringify(valid.errors)}`);
      }
    }
    // The draft example also passes the request body's stricter schema: a user may send it as is.
    const [draft] = doc.components.schemas['TaskDraft']!['examples'] as unknown[];
    assert.deepEqual(compileTimerSchemas(doc).validateDraft(draft), []);
  });
});
