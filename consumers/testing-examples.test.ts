// The documented testing examples that this workspace's Karma runs are the docs' current ones.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  DOCUMENTED_DIR,
  documentedSpecs,
  specOf,
  testingSectionExamples,
} from './testing-examples.ts';

describe('documented testing examples', () => {
  it('are in the Karma run as the docs write them (run consumers/testing-examples.ts if not)', async () => {
    const specs = await documentedSpecs();
    assert.ok(specs.size >= 7, `only ${specs.size} examples found`);
    assert.deepEqual(readdirSync(DOCUMENTED_DIR).sort(), [...specs.keys()].sort());
    for (const [file, text] of specs) {
      assert.equal(readFileSync(join(DOCUMENTED_DIR, file), 'utf8'), text, file);
    }
  });

  it('takes the ts blocks of the Testing kit section only', () => {
    const markdown = [
      '## Setup',
      '```ts\nsetup();\n```',
      '## Testing kit',
      '```ts\nfirst();\n```',
      '```sh\nnpm test\n```',
      '### Deeper',
      '```ts\nsecond();\n```',
      '## Errors',
      '```ts\nnot();\n```',
    ].join('\n');
    assert.deepEqual(testingSectionExamples(markdown), ['first();', 'second();']);
  });

  it('keeps a spec whole and runs a snippet in one it, its imports first', () => {
    const spec = "import { a } from 'a';\n\ndescribe('x', () => {});";
    assert.ok(specOf(spec, 't', 'o').endsWith(`${spec}\n`));
    const snippet = specOf(
      "import {\n  b,\n} from 'b';\nimport { c } from 'c';\nb(c);\nexpect(1).toBe(1);",
      'title',
      'origin',
    );
    assert.match(
      snippet,
      /\nimport \{\n {2}b,\n\} from 'b';\nimport \{ c \} from 'c';\n\ndescribe\("title", \(\) => \{\n {2}it\('runs as written', async \(\) => \{\nb\(c\);\nexpect\(1\)\.toBe\(1\);\n/,
    );
  });
});
