// The package as npm would deliver it to a plain (browser-only) NgModule app: the packed tarball
// linted with publint, checked for the files a package page and a user need, unpacked into the
// app's node_modules and built with the Angular CLI (no `paths`: types and `exports` as published).
// Needs the built library (npm test builds it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import {
  buildConsumer,
  consumerDist,
  installTarball,
  packLibrary,
  root,
} from './consumer-setup.ts';

const appDir = join(root, 'consumers', 'plain');
let tarball: string;
let installed: string;

describe('plain NgModule consumer app (packed library, publint, Angular CLI build)', () => {
  before(() => {
    tarball = packLibrary(join(consumerDist, 'plain-package'));
    installed = installTarball(tarball, appDir);
  });

  it('publint finds no error in the packed tarball', () => {
    let output: string;
    try {
      output = execFileSync(
        join(root, 'node_modules', '.bin', 'publint'),
        ['run', tarball, '--level', 'warning'],
        { cwd: root, encoding: 'utf8', stdio: 'pipe' },
      );
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      assert.fail(`publint failed:\n${stdout}\n${stderr}`);
    }
    assert.doesNotMatch(output, /^Errors:/m, output);
  });

  it('the tarball holds the README, LICENSE and CHANGELOG, and one declaration file per entry', () => {
    for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md']) {
      assert.ok(existsSync(join(installed, file)), `${file} is not in the tarball`);
    }
    const readme = readFileSync(join(installed, 'README.md'), 'utf8');
    for (const topic of ['cognitoAuthGuard', 'CognitoAuthState', 'CognitoAuthModule.forRoot']) {
      assert.ok(readme.includes(topic), `the README does not mention ${topic}`);
    }
    assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^MIT License/);
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(pkg.license, 'MIT');
    assert.deepEqual(Object.keys(pkg.exports).sort(), [
      '.',
      './package.json',
      './testing',
      './timer',
    ]);
    assert.deepEqual(readdirSync(join(installed, 'types')).sort(), [
      'ngx-cognito-gateway-testing.d.ts',
      'ngx-cognito-gateway-timer.d.ts',
      'ngx-cognito-gateway.d.ts',
    ]);
  });

  it('an NgModule app using forRoot, the guard and the state builds against it', () => {
    buildConsumer(appDir);
    const browser = join(consumerDist, 'plain', 'browser');
    const scripts = readdirSync(browser).filter((file) => file.endsWith('.js'));
    const code = scripts.map((file) => readFileSync(join(browser, file), 'utf8')).join('\n');
    assert.match(code, /CognitoAuthConfigError/, 'the library is not in the built app');
    assert.match(code, /returnUrl/, 'the guard is not in the built app');
  });
});
