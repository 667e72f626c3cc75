// Every answer is bounded, derived from the contract's own limits (openapi/timer-api.yaml): the
// largest legal task and page are computed from the schemas, proven reachable, and held to 7 KB
// and 1 MB; then both backends are filled with tasks at the largest legal size and their answers
// measured, and the worst bodies are refused with problems under 4 KB.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { VALID_DRAFT } from '../lambda/timer-api/core/drafts.fixture.ts';
import { WORST_BODIES } from '../lambda/timer-api/core/worst-bodies.fixture.ts';
import { loadTimerSchemas } from '../lambda/timer-api/core/schema.ts';
import { startIssuer, type TestIssuer } from '../local/jwt-authorizer/test-issuer.ts';
import { call } from '../local/timer-server/testing.ts';
import { BACKEND_KINDS, suiteBackend } from './backends.ts';
import { loadSpec, resolvePointer, type Schema } from './spec.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const doc = loadSpec();
const schemas = loadTimerSchemas();
const TASK_BYTES = 7 * 1000;
const PAGE_BYTES = 1000 * 1000;
const PROBLEM_BYTES = 4 * 1000;

const ajv = new Ajv2020({ strict: false });
addFormats(ajv);
const accepts = (schema: Schema, value: unknown) => ajv.validate(schema, value) === true;
const deref = (schema: Schema): Schema =>
  typeof schema['$ref'] === 'string' ? deref(resolvePointer(doc, schema['$ref'])) : schema;

/** Characters by what one costs in JSON text (UTF-8), dearest first. */
const BY_COST: [string, number][] = [
  ['\u0001', 6], // escaped as \u0001
  ['\ud800', 6], // a lone surrogate, escaped as \ud800
  ['🕑', 4],
  ['€', 3],
  ['é', 2],
  ['"', 2],
  ['a', 1],
];

/** The most bytes a value of `schema` can take as JSON, and a value that takes them. */
function largest(name: string, raw: Schema): { bytes: number; value: unknown } {
  const schema = deref(raw);
  if (Array.isArray(schema['enum'])) {
    const value = [...(schema['enum'] as string[])].sort((a, b) => b.length - a.length)[0];
    return { bytes: JSON.stringify(value).length, value };
  }
  switch (schema['type']) {
    case 'integer': {
      const bound = [schema['minimum'], schema['maximum']] as number[];
      assert.ok(bound.every(Number.isSafeInteger), `${name}: integers need both bounds`);
      const value = bound.reduce((a, b) => (String(a).length >= String(b).length ? a : b));
      return { bytes: String(value).length, value };
    }
    case 'string': {
      const length = schema['maxLength'];
      assert.ok(typeof length === 'number', `${name}: every string has a maxLength`);
      for (const [char, cost] of BY_COST) {
        const value = char.repeat(length);
        if (accepts(schema, value)) return { bytes: 2 + cost * length, value };
      }
      // No repeated character fits: a date-time, whose RFC 3339 grammar is ASCII. One of the
      // longest length there is proves the bound is reached.
      assert.equal(schema['format'], 'date-time', `${name}: what else bounds its bytes?`);
      const value = '2030-01-31T18:00:00.123456789+01:00'.slice(0, length);
      assert.ok(accepts(schema, value), `${name}: a ${length}-character date-time`);
      return { bytes: 2 + length, value };
    }
    case 'array': {
      const items = deref(schema['items'] as Schema);
      const max = schema['maxItems'] as number;
      assert.ok(
        Array.isArray(items['enum']) && schema['uniqueItems'],
        `${name}: a set of enum values`,
      );
      const value = [...(items['enum'] as string[])]
        .sort((a, b) => b.length - a.length)
        .slice(0, max);
      return { bytes: JSON.stringify(value).length, value };
    }
    default:
      throw new Error(`${name}: no bound derived for ${JSON.stringify(schema)}`);
  }
}

/** Task's properties: TaskDraft's and its own, through the allOf. */
function taskProperties(): Record<string, Schema> {
  const task = doc.components.schemas['Task'] as { allOf: Schema[] };
  return Object.assign(
    {},
    ...task.allOf.map((part) => deref(part)['properties'] as Record<string, Schema>),
  );
}

function largestTask() {
  const entries = Object.entries(taskProperties()).map(([key, schema]) => {
    const { bytes, value } = largest(key, schema);
    return { key, value, bytes: JSON.stringify(key).length + 1 + bytes };
  });
  const bytes = 2 + entries.reduce((sum, e) => sum + e.bytes, 0) + entries.length - 1;
  return { bytes, value: Object.fromEntries(entries.map((e) => [e.key, e.value])) };
}

function* strings(node: unknown, at: string): Generator<[string, Schema]> {
  if (Array.isArray(node))
    for (const [i, item] of node.entries()) yield* strings(item, `${at}/${i}`);
  else if (node && typeof node === 'object') {
    const schema = node as Schema;
    if (schema['type'] === 'string') yield [at, schema];
    for (const [key, value] of Object.entries(schema)) yield* strings(value, `${at}/${key}`);
  }
}

describe('the contract bounds every answer', () => {
  it('gives every string a maxLength (or an enum), executeUntil 35', () => {
    const found = [...strings(doc, '#')];
    assert.ok(found.length > 15);
    for (const [at, schema] of found) {
      assert.ok(
        typeof schema['maxLength'] === 'number' || Array.isArray(schema['enum']),
        `${at} has no maxLength`,
      );
    }
    const until = (doc.components.schemas['TaskDraft']!['properties'] as Record<string, Schema>)[
      'executeUntil'
    ]!;
    assert.equal(until['maxLength'], 35);
  });

  it(`derives the largest task (≤ ${TASK_BYTES} B) and page (≤ ${PAGE_BYTES} B), and both are reached`, () => {
    const task = largestTask();
    // The largest value is a legal task, and it takes exactly the bytes derived: the bound is tight.
    assert.ok(schemas.isTask(task.value), JSON.stringify(task.value).slice(0, 200));
    assert.equal(Buffer.byteLength(JSON.stringify(task.value)), task.bytes);
    const limit = (
      doc as unknown as { components: { parameters: Record<string, { schema: Schema }> } }
    ).components.parameters['Limit']!.schema['maximum'] as number;
    const page = 2 + limit * task.bytes + (limit - 1);
    console.log(`largest task ${task.bytes} B, largest page of ${limit}: ${page} B`);
    assert.ok(task.bytes <= TASK_BYTES, `${task.bytes} B`);
    assert.ok(page <= PAGE_BYTES, `${page} B`);
  });
});

let issuer: TestIssuer;
before(async () => {
  issuer = await startIssuer();
});
after(() => issuer.close());

/** The largest draft the contract takes: a stored task is the largest task but its id and times. */
const LARGEST_DRAFT = Object.fromEntries(
  Object.entries(largestTask().value).filter(([key]) => key in VALID_DRAFT),
);

for (const kind of BACKEND_KINDS) {
  describe(`${kind} backend: answers within the bounds`, () => {
    let authorization: string;
    const backend = suiteBackend(kind, () => ({
      issuer: issuer.issuer,
      audience: ['client-1'],
      scopes: [],
    }));
    before(async () => {
      authorization = `Bearer ${await issuer.accessToken({ sub: `largest-${kind}`, client_id: 'client-1' })}`;
    });

    it('takes the largest draft, and answers a full page of them under 1 MB, with a next link', async () => {
      const posts = await Promise.all(
        Array.from({ length: 101 }, () =>
          call(`${backend().url}/tasks`, {
            method: 'POST',
            body: LARGEST_DRAFT,
            headers: { authorization },
          }),
        ),
      );
      assert.ok(
        posts.every((p) => p.status === 201),
        posts.find((p) => p.status !== 201)?.text,
      );
      for (const post of posts.slice(0, 3)) assert.ok(Buffer.byteLength(post.text) <= TASK_BYTES);
      const page = await call(`${backend().url}/tasks`, { headers: { authorization } });
      assert.equal(page.status, 200);
      assert.equal((page.json as unknown[]).length, 100, 'the default page is 100 tasks');
      const bytes = Buffer.byteLength(page.text);
      console.log(`${kind}: a page of 100 of the largest drafts is ${bytes} B`);
      assert.ok(bytes <= PAGE_BYTES, `${bytes} B`);
      assert.match(
        page.headers.get('link') ?? '',
        /^<\/tasks\?limit=100&cursor=[\w-]+>; rel="next"$/,
      );
    });

    it('refuses the worst bodies with a problem under 4 KB', async () => {
      for (const [title, raw] of WORST_BODIES) {
        const answer = await call(`${backend().url}/tasks`, {
          method: 'POST',
          raw,
          headers: { authorization },
        });
        assert.equal(answer.status, 400, `${title}: ${answer.text.slice(0, 200)}`);
        assert.ok(schemas.isProblem(answer.json), title);
        const bytes = Buffer.byteLength(answer.text);
        assert.ok(bytes <= PROBLEM_BYTES, `${title}: ${bytes} B`);
      }
    });
  });
}
