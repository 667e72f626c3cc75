// The documented commands that need AWS, run the way a newcomer runs them: npm under the system's
// Node (Debian's Node 20 at /usr/bin/node; where there is none, or it runs TypeScript, a stand-in
// Node that cannot, as Node 20 cannot) with that Node first on PATH, no AWS credentials, and the
// stand-in `aws` of fake-aws.ts, so nothing reaches AWS. npm sets NODE to the Node it runs on, so
// this is where a script that trusts NODE, or `node` on PATH, would meet Node 20. Each command must
// stop with its own plain message and a non-zero exit, and never with a stack trace.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT } from '../tools/paths.ts';
import { sandbox, type RunResult, type Sandbox } from './fake-aws.ts';

const SYSTEM_NODE = '/usr/bin/node';
/** npm's own CLI: the one running this suite under `npm test`, else the `npm` on PATH. */
const NPM_CLI =
  process.env['npm_execpath'] ??
  execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();

function runsTypeScript(node: string): boolean {
  const features = execFileSync(node, ['-p', 'process.features.typescript ?? false'], {
    encoding: 'utf8',
  });
  return features.trim() !== 'false';
}

let box: Sandbox;
let env: Record<string, string>;
let systemNode: string;

before(async () => {
  box = await sandbox();
  if (existsSync(SYSTEM_NODE) && !runsTypeScript(SYSTEM_NODE)) {
    systemNode = SYSTEM_NODE;
  } else {
    systemNode = join(box.bin, 'node-without-typescript');
    await writeFile(
      systemNode,
      `#!/bin/sh\nexec '${process.execPath}' --no-experimental-strip-types "$@"\n`,
    );
    await chmod(systemNode, 0o755);
  }
  await symlink(systemNode, join(box.bin, 'node'));
  // The real parameters file the docs name (dev.json), the config written only into the sandbox,
  // and nothing of this process's environment: no AWS_* variables, no npm_* or NODE from `npm test`.
  const { PARAMETERS_FILE: _, PATH: bin, ...fake } = box.env;
  env = {
    ...fake,
    PATH: `${bin}:/usr/bin:/bin`,
    HOME: box.dir,
    AWS_CONFIG_FILE: join(box.dir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(box.dir, 'no-aws-credentials'),
    FAKE_AWS_NO_CREDENTIALS: '1',
    npm_config_cache: join(box.dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
});
after(() => box.cleanup());

function run(command: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { env, cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function assertPlainFailure(result: RunResult, message: RegExp): void {
  const output = `${result.stdout}\n${result.stderr}`;
  assert.notEqual(result.code, 0, output);
  assert.match(result.stderr, message);
  assert.doesNotMatch(output, /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m, 'stack trace');
  assert.doesNotMatch(output, /ERR_UNKNOWN_FILE_EXTENSION|node:internal|Node\.js v\d/);
}

for (const [documented, args] of [
  ['npm run deploy -- dev', ['run', 'deploy', '--', 'dev']],
  ['npm run start:aws -- dev', ['run', 'start:aws', '--', 'dev']],
] as const) {
  test(`${documented} on the system Node without AWS credentials says so`, async () => {
    const result = await run(systemNode, [NPM_CLI, ...args]);
    assertPlainFailure(result, /^error: the AWS CLI is not configured: run 'aws configure'/m);
  });
}

test('scripts/hosting.sh with the system Node first on PATH says the CLI is not configured', async () => {
  const result = await run(join(ROOT, 'scripts', 'hosting.sh'), [
    'dev',
    '--repository',
    'https://github.com/you/repo',
  ]);
  assertPlainFailure(result, /^error: the AWS CLI is not configured: run 'aws configure'/m);
});

test('npm run timer-server on the system Node names the flags it needs', async () => {
  const result = await run(systemNode, [NPM_CLI, 'run', 'timer-server']);
  assertPlainFailure(result, /--issuer and --audience are required/);
});
