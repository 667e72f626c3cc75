import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileTimerSchemas } from '../lambda/timer-api/core/schema.ts';
import { loadSpec, resolvePointer } from './spec.ts';

const doc = loadSpec();

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

  it('keeps Task = TaskDraft + the four server-owned fields', () => {
    const draft = doc.components.schemas['TaskDraft'] as { properties: object; required: string[] };
    const task = doc.components.schemas['Task'] as { properties: object; required: string[] };
    assert.deepEqual(
      Object.keys(task.properties).sort(),
      [...Object.keys(draft.properties), 'id', 'createdAt', 'updatedAt', 'version'].sort(),
    );
    assert.deepEqual(
      [...task.required].sort(),
      [...draft.required, 'id', 'createdAt', 'updatedAt', 'version'].sort(),
    );
  });
});
