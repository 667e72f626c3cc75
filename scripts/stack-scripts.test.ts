// Runs the real shell scripts with a recording stand-in `aws` first on PATH and asserts the exact
// AWS CLI calls. Nothing here reaches AWS.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { ROOT } from '../tools/paths.ts';
import { FAKE_ACCOUNT_ID, PARAMETERS, runScript, sandbox, type Sandbox } from './fake-aws.ts';

let box: Sandbox;
beforeEach(async () => {
  box = await sandbox();
});
afterEach(() => box.cleanup());

const STACK = 'demo-test-timer';
const IDENTITY = ['sts', 'get-caller-identity', '--output', 'text'];
const BUCKET = `${STACK}-artifacts-artifactbucket-1a2b3c4d5e6f`;
/** The artifacts bucket's stack (idempotent), its name, the package upload, then the API stack. */
const DEPLOY_STEPS = [
  [
    'cloudformation',
    'deploy',
    '--stack-name',
    `${STACK}-artifacts`,
    '--template-file',
    join(ROOT, 'cloudformation', 'artifacts.yaml'),
    '--no-fail-on-empty-changeset',
  ],
  [
    'cloudformation',
    'describe-stacks',
    '--stack-name',
    `${STACK}-artifacts`,
    '--query',
    "Stacks[0].Outputs[?OutputKey=='BucketName'].OutputValue",
    '--output',
    'text',
  ],
  [
    'cloudformation',
    'package',
    '--template-file',
    join(ROOT, 'cloudformation', 'api.yaml'),
    '--s3-bucket',
    BUCKET,
    '--output-template-file',
    '<packaged>',
  ],
  [
    'cloudformation',
    'deploy',
    '--stack-name',
    STACK,
    '--template-file',
    '<packaged>',
    '--s3-bucket',
    BUCKET,
    '--parameter-overrides',
    ...PARAMETERS.map((p) => `${p.ParameterKey}=${p.ParameterValue}`),
    '--capabilities',
    'CAPABILITY_IAM',
    'CAPABILITY_AUTO_EXPAND',
    '--no-fail-on-empty-changeset',
  ],
];

/** The calls, with the packaged template's temporary path named. */
async function calls(): Promise<string[][]> {
  return (await box.calls()).map((call) =>
    call.map((arg) => (/^\/tmp\/tmp\.\w+$/.test(arg) ? '<packaged>' : arg)),
  );
}
const DESCRIBE = [
  'cloudformation',
  'describe-stacks',
  '--stack-name',
  STACK,
  '--query',
  'Stacks[0].Outputs',
  '--output',
  'json',
];
const DELETE = [
  ['cloudformation', 'delete-stack', '--stack-name', STACK],
  ['cloudformation', 'wait', 'stack-delete-complete', '--stack-name', STACK],
];
const EXPECTED_CONFIG = {
  apiUrl: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbC123',
  userPoolClientId: 'client123',
  authFlow: 'USER_SRP_AUTH',
  choiceBasedSignIn: false,
};

function assertNoAccountId(...texts: string[]): void {
  for (const text of texts) assert.ok(!text.includes(FAKE_ACCOUNT_ID), 'account id printed');
}

test('deploy-api.sh makes the artifacts bucket, packages the Timer Lambda there, deploys; idempotent', async () => {
  const first = await runScript('scripts/deploy-api.sh', ['test'], box.env);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /Stack demo-test-timer is up to date/);
  const second = await runScript('scripts/deploy-api.sh', ['test'], box.env);
  assert.equal(second.code, 0, second.stderr);
  assert.deepEqual(await calls(), [IDENTITY, ...DEPLOY_STEPS, IDENTITY, ...DEPLOY_STEPS]);
  assertNoAccountId(first.stdout, first.stderr);
  // The bundle went to the bucket under its content hash, twice the same.
  const uploads = (await box.model()).objects ?? [];
  assert.equal(uploads.length, 2);
  assert.equal(uploads[0]!.bucket, BUCKET);
  assert.equal(uploads[0]!.key, uploads[1]!.key);
  assert.deepEqual(uploads[0]!.files, [join(ROOT, 'dist', 'timer-api', 'index.mjs')]);
});

test('deploy-api.sh refuses parameters until their placeholders are replaced', async () => {
  await writeFile(
    box.parameters,
    JSON.stringify([
      ...PARAMETERS.filter((p) => p.ParameterKey !== 'BackendUrl'),
      { ParameterKey: 'BackendUrl', ParameterValue: 'https://timer.changeme.example.com' },
    ]),
  );
  const result = await runScript('scripts/deploy-api.sh', ['test'], box.env);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /replace the placeholder values of BackendUrl/);
  assert.deepEqual(await calls(), []);
});

test('deploy-api.sh names a missing parameters file', async () => {
  const { PARAMETERS_FILE: _, ...env } = box.env;
  const result = await runScript('scripts/deploy-api.sh', ['nope'], env);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /no parameters file .*cloudformation\/parameters\/nope\.json/);
});

test('outputs.sh reads the stack outputs and writes the demo app config from them', async () => {
  const result = await runScript('scripts/outputs.sh', ['test'], box.env);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(await calls(), [IDENTITY, DESCRIBE]);
  assert.deepEqual(JSON.parse(await readFile(box.config, 'utf8')), EXPECTED_CONFIG);
  assert.match(result.stdout, /ApiEndpoint\s+https:\/\/a1b2c3d4e5\.execute-api/);
  assert.match(result.stdout, new RegExp(`Wrote ${box.config}`));
});

test('outputs.sh explains a missing stack and writes nothing', async () => {
  const result = await runScript('scripts/outputs.sh', ['test'], {
    ...box.env,
    FAKE_AWS_NO_STACK: '1',
  });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /could not read stack demo-test-timer .*deploy-api\.sh test/);
  assert.equal(existsSync(box.config), false);
});

test('outputs.sh refuses outputs that lack what the app needs', async () => {
  await writeFile(box.outputs, JSON.stringify([{ OutputKey: 'ApiId', OutputValue: 'x' }]));
  const result = await runScript('scripts/outputs.sh', ['test'], box.env);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /RuntimeConfigError: the stack has no ApiEndpoint output/);
  assert.equal(existsSync(box.config), false);
});

test('delete-api.sh --yes deletes the stack and waits for it', async () => {
  const result = await runScript('scripts/delete-api.sh', ['test', '--yes'], box.env);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(await calls(), [IDENTITY, ...DELETE]);
});

test('delete-api.sh without --yes deletes only after the stack name is typed', async () => {
  const wrong = await runScript('scripts/delete-api.sh', ['test'], box.env, 'demo-test\n');
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /not deleting demo-test-timer/);
  assert.deepEqual(await calls(), [IDENTITY]);
  const right = await runScript('scripts/delete-api.sh', ['test'], box.env, `${STACK}\n`);
  assert.equal(right.code, 0, right.stderr);
  assert.deepEqual(await calls(), [IDENTITY, IDENTITY, ...DELETE]);
});

test('create-all.sh deploys then writes the config; delete-all.sh deletes and removes it', async () => {
  const created = await runScript('scripts/create-all.sh', ['test'], box.env);
  assert.equal(created.code, 0, created.stderr);
  assert.deepEqual(JSON.parse(await readFile(box.config, 'utf8')), EXPECTED_CONFIG);
  const deleted = await runScript('scripts/delete-all.sh', ['test', '--yes'], box.env);
  assert.equal(deleted.code, 0, deleted.stderr);
  assert.equal(existsSync(box.config), false);
  assert.deepEqual(await calls(), [
    IDENTITY,
    ...DEPLOY_STEPS,
    IDENTITY,
    DESCRIBE,
    IDENTITY,
    ...DELETE,
  ]);
});

test('a missing AWS CLI is reported before anything else happens', async () => {
  const bare = await sandbox({ withAws: false });
  try {
    const result = await runScript('scripts/deploy-api.sh', ['test'], bare.env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /the AWS CLI \(aws\) is not installed/);
  } finally {
    await bare.cleanup();
  }
});

test('an unconfigured AWS CLI is reported and no stack call is made', async () => {
  const env = { ...box.env, FAKE_AWS_NO_CREDENTIALS: '1' };
  for (const script of ['scripts/deploy-api.sh', 'scripts/outputs.sh', 'scripts/delete-api.sh']) {
    const result = await runScript(
      script,
      ['test', ...(script.includes('delete') ? ['--yes'] : [])],
      env,
    );
    assert.equal(result.code, 1, script);
    assert.match(result.stderr, /the AWS CLI is not configured/);
    assertNoAccountId(result.stdout, result.stderr);
  }
  assert.deepEqual(await calls(), [IDENTITY, IDENTITY, IDENTITY]);
});

test('AWS CLI version 1 is refused, naming its version, before any call to AWS', async () => {
  const result = await runScript('scripts/deploy-api.sh', ['test'], {
    ...box.env,
    FAKE_AWS_CLI_VERSION: '1.45.11',
  });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /AWS CLI on PATH is version 1 \(aws-cli\/1\.45\.11 .*need version 2/);
  assert.deepEqual(await calls(), []);
});

test('an unreachable AWS is reported as such, not as a missing configuration', async () => {
  const env = { ...box.env, FAKE_AWS_NO_NETWORK: '1' };
  const result = await runScript('scripts/outputs.sh', ['test'], env);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /could not reach AWS: check the network connection/);
  assert.match(result.stderr, /Could not connect to the endpoint URL/);
  assert.doesNotMatch(result.stderr, /not configured/);
  assert.deepEqual(await calls(), [IDENTITY]);
});

test("the scripts run their helpers on the project's Node, whatever $NODE names", async () => {
  // npm sets NODE to the Node that runs npm itself: often the system's, too old for .ts files.
  const old = join(box.bin, 'node20');
  await writeFile(old, '#!/bin/sh\necho \'Unknown file extension ".ts"\' >&2\nexit 1\n');
  await chmod(old, 0o755);
  const result = await runScript('scripts/create-all.sh', ['test'], { ...box.env, NODE: old });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(JSON.parse(await readFile(box.config, 'utf8')), EXPECTED_CONFIG);
});

test('run-scripts.sh menu runs the chosen scripts and quits', async () => {
  const result = await runScript('run-scripts.sh', [], { ...box.env, ENV: 'test' }, '1\n2\n9\nq\n');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /1\) Create or update the API stack/);
  assert.match(result.stdout, /Unknown choice: 9/);
  assert.deepEqual(await calls(), [IDENTITY, ...DEPLOY_STEPS, IDENTITY, DESCRIBE]);
  assert.deepEqual(JSON.parse(await readFile(box.config, 'utf8')), EXPECTED_CONFIG);
});

test('run-scripts.sh keeps the menu going after a failing entry and exits at end of input', async () => {
  const env = { ...box.env, ENV: 'test', FAKE_AWS_NO_STACK: '1' };
  const result = await runScript('run-scripts.sh', [], env, '2\n');
  assert.equal(result.code, 0);
  assert.match(result.stderr, /failed: scripts\/outputs\.sh test/);
});
