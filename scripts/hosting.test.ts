// scripts/hosting.sh against the recording fake `aws`, whose model keeps the Amplify app, branch,
// jobs and the deployed stack parameters between runs. Nothing here reaches AWS.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import {
  OUTPUTS,
  PARAMETERS,
  placeholderParameters,
  runScript,
  sandbox,
  type Sandbox,
} from './fake-aws.ts';
import { checkRepository, HostingError, SPA_REWRITE } from './hosting.ts';

const TOKEN = 'ghp_SECRETtoken0123456789abcdefABCDEF';
const REPOSITORY = 'https://github.com/example/timers';
const APP_ID = 'd0000000000001';
const SITE = `https://main.${APP_ID}.amplifyapp.com`;
const IDENTITY = ['sts', 'get-caller-identity', '--output', 'text'];
const READS = [
  IDENTITY,
  [
    'cloudformation',
    'describe-stacks',
    '--stack-name',
    'demo-test-timer',
    '--query',
    'Stacks[0]',
    '--output',
    'json',
  ],
  ['amplify', 'list-apps', '--output', 'json'],
  ['amplify', 'get-branch', '--app-id', APP_ID, '--branch-name', 'main', '--output', 'json'],
];
const ENVIRONMENT = {
  API_URL: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
  COGNITO_REGION: 'eu-west-1',
  COGNITO_USER_POOL_ID: 'eu-west-1_AbC123',
  COGNITO_CLIENT_ID: 'client123',
  COGNITO_CHOICE_BASED_SIGN_IN: 'false',
};

let box: Sandbox;
let env: Record<string, string>;
const outputs: string[] = [];
beforeEach(async () => {
  box = await sandbox();
  await mkdir(join(box.dir, 'tmp'));
  env = { ...box.env, TMPDIR: join(box.dir, 'tmp'), AMPLIFY_REPOSITORY: REPOSITORY };
  outputs.length = 0;
});
afterEach(() => box.cleanup());

async function hosting(args: string[], extra: Record<string, string> = {}) {
  const result = await runScript('scripts/hosting.sh', ['test', ...args], { ...env, ...extra });
  outputs.push(result.stdout, result.stderr);
  return result;
}

/** The token in no output and no file the run left (call log, fake AWS state, parameters, tmp). */
async function assertTokenNowhere(token = TOKEN): Promise<void> {
  for (const text of outputs) assert.ok(!text.includes(token), 'token printed');
  const files = await readdir(box.dir, { recursive: true, withFileTypes: true });
  for (const file of files.filter((f) => f.isFile())) {
    const text = await readFile(join(file.parentPath, file.name), 'utf8');
    assert.ok(!text.includes(token), `token in ${file.name}`);
  }
  assert.deepEqual(await readdir(join(box.dir, 'tmp')), [], 'temporary files left behind');
}

test('first run creates app and branch, allows the origin, redeploys and builds; a second run changes nothing', async () => {
  const first = await hosting([], { AMPLIFY_ACCESS_TOKEN: TOKEN });
  assert.equal(first.code, 0, first.stderr);
  const state = await box.model();
  assert.equal(state.apps.length, 1);
  const app = state.apps[0]!;
  assert.equal(app.name, 'demo-test-timer');
  assert.equal(app.repository, REPOSITORY);
  assert.equal(app.platform, 'WEB');
  assert.equal(app.tokenSha256, createHash('sha256').update(TOKEN).digest('hex'));
  assert.deepEqual(app.customRules, [SPA_REWRITE]);
  assert.match(
    app.customHeaders,
    / connect-src 'self' https:\/\/a1b2c3d4e5\.execute-api\.eu-west-1\.amazonaws\.com https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com;/,
  );
  assert.doesNotMatch(app.customHeaders, /\{\{/);
  assert.deepEqual(state.branches, [
    { appId: APP_ID, branchName: 'main', enableAutoBuild: true, environmentVariables: ENVIRONMENT },
  ]);
  assert.deepEqual(state.jobs, [{ appId: APP_ID, branchName: 'main', jobType: 'RELEASE' }]);
  const allowed = `https://app.example.com,http://localhost:4200,${SITE}`;
  const inFile = JSON.parse(await readFile(box.parameters, 'utf8'));
  assert.equal(
    inFile.find((p: { ParameterKey: string }) => p.ParameterKey === 'AllowedOrigins')
      .ParameterValue,
    allowed,
  );
  assert.equal(
    state.parameters.find((p) => p.ParameterKey === 'AllowedOrigins')!.ParameterValue,
    allowed,
  );
  const calls = await box.calls();
  assert.deepEqual(
    calls.map((c) => c.slice(0, 2).join(' ')),
    [
      'sts get-caller-identity',
      'cloudformation describe-stacks',
      'amplify list-apps',
      'amplify create-app',
      'amplify get-branch',
      'amplify create-branch',
      'sts get-caller-identity',
      // deploy-api.sh: the artifacts bucket's stack, its name, the package upload, the API stack.
      'cloudformation deploy',
      'cloudformation describe-stacks',
      'cloudformation package',
      'cloudformation deploy',
      'amplify start-job',
    ],
  );
  const create = calls[3]!;
  const arg = (name: string) => create[create.indexOf(name) + 1];
  assert.equal(arg('--name'), 'demo-test-timer');
  assert.equal(arg('--repository'), REPOSITORY);
  assert.equal(arg('--access-token'), 'file:///dev/stdin');
  assert.match(arg('--custom-headers')!, /^file:\/\/.*custom-headers\.yml$/);
  assert.match(first.stdout, new RegExp(`The app: ${SITE.replaceAll('.', '\\.')}`));

  const parametersBefore = await readFile(box.parameters, 'utf8');
  const before = await box.model();
  const second = await hosting([]); // no token: nothing to connect
  assert.equal(second.code, 0, second.stderr);
  assert.deepEqual(await box.model(), before);
  assert.equal(await readFile(box.parameters, 'utf8'), parametersBefore);
  assert.deepEqual((await box.calls()).slice(calls.length), READS);
  assert.match(second.stdout, /Nothing to change\./);
  await assertTokenNowhere();
});

test('new stack outputs update the app headers and branch variables without asking for the token', async () => {
  assert.equal((await hosting(['--access-token', TOKEN])).code, 0);
  const endpoint = 'https://zz9yy8xx7w.execute-api.eu-west-1.amazonaws.com';
  await writeFile(
    box.outputs,
    JSON.stringify(
      OUTPUTS.map((o) => (o.OutputKey === 'ApiEndpoint' ? { ...o, OutputValue: endpoint } : o)),
    ),
  );
  const before = (await box.calls()).length;
  const result = await hosting([]);
  assert.equal(result.code, 0, result.stderr);
  const state = await box.model();
  assert.match(
    state.apps[0]!.customHeaders,
    new RegExp(`connect-src 'self' ${endpoint.replaceAll('.', '\\.')} `),
  );
  assert.equal(state.apps[0]!.tokenSha256, createHash('sha256').update(TOKEN).digest('hex'));
  assert.equal(state.branches[0]!.environmentVariables['API_URL'], endpoint);
  assert.equal(state.jobs.length, 2);
  const update = (await box.calls()).find((c) => c[1] === 'update-app')!;
  assert.ok(!update.some((a) => a.endsWith('-token')), 'no token for an unchanged repository');
  assert.deepEqual(
    (await box.calls()).slice(before).map((c) => c.slice(0, 2).join(' ')),
    [
      'sts get-caller-identity',
      'cloudformation describe-stacks',
      'amplify list-apps',
      'amplify update-app',
      'amplify get-branch',
      'amplify update-branch',
      'amplify start-job',
    ],
  );
  await assertTokenNowhere();
});

test('an origin already in the file but not deployed is deployed once; the file is not rewritten', async () => {
  const withSite = PARAMETERS.map((p) =>
    p.ParameterKey === 'AllowedOrigins'
      ? { ...p, ParameterValue: `${p.ParameterValue},${SITE}` }
      : p,
  );
  await writeFile(box.parameters, JSON.stringify(withSite));
  const result = await hosting([], { AMPLIFY_ACCESS_TOKEN: TOKEN });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(await readFile(box.parameters, 'utf8'), JSON.stringify(withSite));
  assert.ok(
    (await box.calls()).some(
      (c) => c[1] === 'deploy' && c.includes(`AllowedOrigins=${withSite[5]!.ParameterValue}`),
    ),
  );
});

test('refusals: no token to connect, a URL with credentials, a bad branch, no repository, placeholders', async () => {
  const noToken = await hosting([]);
  assert.equal(noToken.code, 1);
  assert.match(
    noToken.stderr,
    /connecting https:\/\/github\.com\/example\/timers needs an access token: set AMPLIFY_ACCESS_TOKEN/,
  );
  assert.ok(!(await box.calls()).some((c) => c[1] === 'create-app'));

  const withCredentials = await hosting([
    '--repository',
    `https://x:${TOKEN}@github.com/example/timers`,
  ]);
  assert.equal(withCredentials.code, 1);
  assert.match(withCredentials.stderr, /plain https URL .* without credentials/);

  const branch = await hosting(['--branch', 'Feature/X'], { AMPLIFY_ACCESS_TOKEN: TOKEN });
  assert.equal(branch.code, 1);
  assert.match(
    branch.stderr,
    /branch "Feature\/X": use lower-case letters, digits and hyphens only/,
  );

  const noRepository = await hosting([], { AMPLIFY_REPOSITORY: '' });
  assert.equal(noRepository.code, 1);
  assert.match(
    noRepository.stderr,
    /--repository https:\/\/github\.com\/<owner>\/<repo> \(or AMPLIFY_REPOSITORY\)/,
  );

  const placeholders = await runScript('scripts/hosting.sh', ['test'], {
    ...env,
    PARAMETERS_FILE: await placeholderParameters(box.dir),
  });
  assert.equal(placeholders.code, 1);
  assert.match(placeholders.stderr, /replace the placeholder values of UserPoolID/);

  const noCredentials = await hosting([], { FAKE_AWS_NO_CREDENTIALS: '1' });
  assert.match(noCredentials.stderr, /the AWS CLI is not configured/);
  assert.deepEqual((await box.model()).apps, []);
  await assertTokenNowhere();
});

test('run-scripts.sh entry 7 asks for the repository and hosts the app', async () => {
  const input = `7\n${REPOSITORY}\nq\n`;
  const menu = await runScript(
    'run-scripts.sh',
    [],
    { ...env, ENV: 'test', AMPLIFY_REPOSITORY: '', AMPLIFY_ACCESS_TOKEN: TOKEN },
    input,
  );
  outputs.push(menu.stdout, menu.stderr);
  assert.equal(menu.code, 0, menu.stderr);
  assert.match(menu.stdout, /7\) Host the demo app on Amplify Hosting/);
  assert.match(menu.stdout, /Git repository URL/);
  assert.equal((await box.model()).apps[0]?.repository, REPOSITORY);
  await assertTokenNowhere();
});

test('moving the app to another repository needs a token again, and sends only that one', async () => {
  assert.equal((await hosting([], { AMPLIFY_ACCESS_TOKEN: TOKEN })).code, 0);
  const other = 'https://gitlab.com/example/timers';
  const refused = await hosting(['--repository', other]);
  assert.equal(refused.code, 1);
  assert.match(
    refused.stderr,
    /connecting https:\/\/gitlab\.com\/example\/timers needs an access token/,
  );
  const second = 'glpat-OTHERsecret0123456789';
  const moved = await hosting(['--repository', other], { AMPLIFY_ACCESS_TOKEN: second });
  assert.equal(moved.code, 0, moved.stderr);
  const app = (await box.model()).apps[0]!;
  assert.equal(app.repository, other);
  assert.equal(app.tokenSha256, createHash('sha256').update(second).digest('hex'));
  const update = (await box.calls()).find((c) => c[1] === 'update-app')!;
  assert.equal(update[update.indexOf('--oauth-token') + 1], 'file:///dev/stdin');
  await assertTokenNowhere(second);
});

test('a repository that is not a URL is refused as such; a plain one loses its slash and .git', () => {
  assert.throws(
    () => checkRepository('github.com/example/timers'),
    (e: unknown) => e instanceof HostingError && /must be an https URL, got/.test(e.message),
  );
  assert.equal(checkRepository(`${REPOSITORY}.git/`), REPOSITORY);
});
