import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../tools/paths.ts';

/** Runs a helper as the shell scripts do, and gives back what they see of a failure. */
function run(helper: string, ...args: string[]) {
  const { status, stdout, stderr } = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', helper), ...args],
    { encoding: 'utf8', timeout: 10_000 },
  );
  return { status, stdout, stderr };
}

for (const helper of ['aws-helper.ts', 'hosting-helper.ts']) {
  test(`${helper}: an unknown command is one error line and status 1`, () => {
    assert.deepEqual(run(helper, 'no-such-command'), {
      status: 1,
      stdout: '',
      stderr: 'error: unknown command "no-such-command"\n',
    });
  });
}

test('an error of its own class is named on the line, with no stack trace', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'exit-on-error-'));
  try {
    const answer = join(dir, 'create-app.json');
    await writeFile(answer, '{ not json');
    const { status, stdout, stderr } = run('hosting-helper.ts', 'app-id-domain', answer);
    assert.equal(status, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /^error: SyntaxError: .+\n$/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
