// `npm run start:aws -- <env>` with the recording fake `aws` and a stand-in Angular CLI that
// prints what it was asked to run, so nothing reaches AWS and no dev server starts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { ROOT } from '../tools/paths.ts';
import { PARAMETERS, placeholderParameters, runScript, sandbox, type Sandbox } from './fake-aws.ts';

let box: Sandbox;
let env: Record<string, string>;
beforeEach(async () => {
  box = await sandbox();
  const ng = join(box.bin, 'ng-stub');
  await writeFile(ng, `#!/bin/sh\nprintf 'ng %s\\n' "$*"\n`);
  await chmod(ng, 0o755);
  env = { ...box.env, NG_CLI: ng };
});
afterEach(() => box.cleanup());

const STACK = 'demo-test-timer';
const IDENTITY = ['sts', 'get-caller-identity', '--output', 'text'];
const describe = (query: string) => [
  'cloudformation',
  'describe-stacks',
  '--stack-name',
  STACK,
  '--query',
  query,
  '--output',
  'json',
];
const WITHOUT_LOCALHOST = PARAMETERS.map((p) =>
  p.ParameterKey === 'AllowedOrigins' ? { ...p, ParameterValue: 'https://app.example.com' } : p,
);

async function deployedParameters(parameters: typeof PARAMETERS): Promise<void> {
  const state = await box.model();
  await writeFile(box.state, JSON.stringify({ ...state, parameters }));
}

test('package.json runs it as npm run start:aws', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.scripts['start:aws'], 'scripts/start-aws.sh');
});

test('writes the config from the outputs, checks the origin, builds the library, serves the demo', async () => {
  const result = await runScript('scripts/start-aws.sh', ['test'], env);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(JSON.parse(await readFile(box.config, 'utf8')), {
    apiUrl: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_AbC123',
    userPoolClientId: 'client123',
    authFlow: 'USER_SRP_AUTH',
    choiceBasedSignIn: false,
  });
  assert.deepEqual(await box.calls(), [
    IDENTITY,
    describe('Stacks[0].Outputs'),
    describe('Stacks[0].Parameters'),
  ]);
  const lines = result.stdout.trim().split('\n');
  assert.deepEqual(lines.slice(-3), [
    'ng build ngx-cognito-gateway',
    `Serving the demo on http://localhost:4200 against stack ${STACK} (Ctrl-C stops it)`,
    'ng serve demo --port 4200',
  ]);
});

test('a stack without http://localhost:4200 names the parameter, the file and the redeploy command', async () => {
  await writeFile(box.parameters, JSON.stringify(WITHOUT_LOCALHOST));
  await deployedParameters(WITHOUT_LOCALHOST);
  const result = await runScript('scripts/start-aws.sh', ['test'], env);
  assert.equal(result.code, 1);
  assert.equal(
    result.stderr,
    `error: stack ${STACK} does not allow http://localhost:4200, so the browser would block every API call (CORS). ` +
      `Add it to the comma-separated AllowedOrigins parameter in ${box.parameters}, then redeploy: npm run deploy -- test\n`,
  );
  assert.doesNotMatch(result.stdout, /^ng /m);
});

test('an origin added to the file but not deployed yet asks only for the redeploy', async () => {
  await deployedParameters(WITHOUT_LOCALHOST);
  const result = await runScript('scripts/start-aws.sh', ['test'], env);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /http:\/\/localhost:4200 is in AllowedOrigins in .*parameters\.json, but stack demo-test-timer was deployed without it\. Redeploy: npm run deploy -- test/,
  );
  assert.doesNotMatch(result.stdout, /^ng /m);
});

test('an origin that only starts like the local one does not count', async () => {
  const lookalike = PARAMETERS.map((p) =>
    p.ParameterKey === 'AllowedOrigins' ? { ...p, ParameterValue: 'http://localhost:42000' } : p,
  );
  await deployedParameters(lookalike);
  const result = await runScript('scripts/start-aws.sh', ['test'], env);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Redeploy: npm run deploy -- test/);
});

test('the example parameters are refused before any AWS call', async () => {
  const result = await runScript('scripts/start-aws.sh', ['test'], {
    ...env,
    PARAMETERS_FILE: await placeholderParameters(box.dir),
  });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /replace the placeholder values of UserPoolID, AppClientID/);
  assert.deepEqual(await box.calls(), []);
  assert.equal(existsSync(box.config), false);
});

test('a missing stack, a missing or unconfigured CLI and a missing env are each explained', async () => {
  const noStack = await runScript('scripts/start-aws.sh', ['test'], {
    ...env,
    FAKE_AWS_NO_STACK: '1',
  });
  assert.equal(noStack.code, 1);
  assert.match(noStack.stderr, /could not read stack demo-test-timer .*deploy-api\.sh test/);

  const noCredentials = await runScript('scripts/start-aws.sh', ['test'], {
    ...env,
    FAKE_AWS_NO_CREDENTIALS: '1',
  });
  assert.equal(noCredentials.code, 1);
  assert.match(noCredentials.stderr, /the AWS CLI is not configured: run 'aws configure'/);

  const bare = await sandbox({ withAws: false });
  try {
    const noCli = await runScript('scripts/start-aws.sh', ['test'], { ...bare.env, NG_CLI: '' });
    assert.equal(noCli.code, 1);
    assert.match(noCli.stderr, /the AWS CLI \(aws\) is not installed/);
  } finally {
    await bare.cleanup();
  }

  const usage = await runScript('scripts/start-aws.sh', [], env);
  assert.equal(usage.code, 1);
  assert.match(usage.stderr, /usage: npm run start:aws -- <env>/);
  for (const result of [noStack, noCredentials, usage]) assert.doesNotMatch(result.stdout, /^ng /m);
});
