// amplify.yml cannot be run offline, so check what can go wrong: its commands exist, its artifact
// folder is where the Angular build writes, and its config step accepts the documented variables.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ROOT } from '../tools/paths.ts';

interface AmplifySpec {
  version: number;
  frontend: {
    phases: Record<string, { commands: string[] }>;
    artifacts: { baseDirectory: string; files: string[] };
    cache: { paths: string[] };
  };
}

const spec = parse(readFileSync(join(ROOT, 'amplify.yml'), 'utf8')) as AmplifySpec;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const commands = Object.values(spec.frontend.phases).flatMap((phase) => phase.commands);

test('amplify.yml is a version 1 frontend spec with preBuild and build phases', () => {
  assert.equal(spec.version, 1);
  assert.deepEqual(Object.keys(spec.frontend.phases), ['preBuild', 'build']);
});

test('it installs Node 24 (the pinned node devDependency major) and the lockfile', () => {
  const major = pkg.devDependencies['node']!.split('.')[0];
  assert.ok(commands.includes(`nvm install ${major}`), `nvm install ${major}`);
  assert.ok(commands.some((c) => /\bnpm ci --no-audit --no-fund$/.test(c)));
  assert.ok(spec.frontend.cache.paths.includes('node_modules/**/*'));
});

test('every npm run and node command it uses exists in the workspace', () => {
  for (const command of commands) {
    const script = /^npm run (\S+)/.exec(command)?.[1];
    if (script) assert.ok(pkg.scripts[script], `package.json has script ${script}`);
    const file = /^node (\S+)/.exec(command)?.[1];
    if (file && !file.startsWith('-')) assert.ok(existsSync(join(ROOT, file)), file);
  }
  assert.ok(commands.includes('npm run build'));
});

test('artifacts come from the demo app build output (angular.json default outputPath)', () => {
  const angular = JSON.parse(readFileSync(join(ROOT, 'angular.json'), 'utf8'));
  const build = angular.projects.demo.architect.build;
  assert.equal(build.builder, '@angular/build:application');
  const outputPath = build.options.outputPath ?? 'dist/demo';
  assert.equal(spec.frontend.artifacts.baseDirectory, `${outputPath}/browser`);
  assert.deepEqual(spec.frontend.artifacts.files, ['**/*']);
  assert.deepEqual(build.options.assets, [{ glob: '**/*', input: 'public' }]);
});

test('its config step turns the Amplify environment variables into public/config.json', async () => {
  const step = commands.find((c) => c.includes('config-from-env'));
  assert.equal(step, 'node scripts/aws-helper.ts config-from-env public/config.json');
  const dir = await mkdtemp(join(tmpdir(), 'amplify-config-'));
  try {
    const out = join(dir, 'config.json');
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'scripts/aws-helper.ts'), 'config-from-env', out],
      {
        env: {
          API_URL: 'https://api.example.com',
          COGNITO_REGION: 'us-east-1',
          COGNITO_USER_POOL_ID: 'us-east-1_Abc',
          COGNITO_CLIENT_ID: 'client1',
        },
        timeout: 10_000,
      },
    );
    assert.deepEqual(JSON.parse(await readFile(out, 'utf8')), {
      apiUrl: 'https://api.example.com',
      region: 'us-east-1',
      userPoolId: 'us-east-1_Abc',
      userPoolClientId: 'client1',
      authFlow: 'USER_SRP_AUTH',
      choiceBasedSignIn: false,
    });
    await assert.rejects(
      promisify(execFile)(
        process.execPath,
        [join(ROOT, 'scripts/aws-helper.ts'), 'config-from-env', out],
        {
          env: {},
          timeout: 10_000,
        },
      ),
      /API_URL is required/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
