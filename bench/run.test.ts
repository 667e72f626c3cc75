// `npm run bench` flags: a mistyped one is refused before anything runs, so it neither costs a
// run nor touches bench/results.json (which only `--record` writes).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../tools/paths.ts';

test('an unknown flag is a usage error (exit 2) that names --record and writes nothing', async () => {
  const results = join(ROOT, 'bench', 'results.json');
  const before = statSync(results).mtimeMs;
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
    execFile(
      process.execPath,
      [join(ROOT, 'bench', 'run.ts'), '--recrod'],
      { timeout: 30_000 },
      (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
    ),
  );
  assert.equal(code, 2);
  assert.match(stderr, /Unknown option '--recrod'/);
  assert.match(stderr, /usage: npm run bench \[-- --record\]/);
  assert.doesNotMatch(stderr, /running .* benchmarks/);
  assert.equal(statSync(results).mtimeMs, before);
});
