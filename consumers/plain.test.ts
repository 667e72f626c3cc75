// The package as npm would deliver it to a plain (browser-only) NgModule app: the packed tarball
// linted with publint, checked for the files a package page and a user need, unpacked into the
// app's node_modules and built with the Angular CLI (no `paths`: types and `exports` as published).
// Needs the built library (npm test builds it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import {
  buildConsumer,
  consumerDist,
  installTarball,
  libraryTarball,
  root,
} from './consumer-setup.ts';
import { exampleModule, examplesOf, exportsWithoutExample, typeErrors } from './doc-examples.ts';

const appDir = join(root, 'consumers', 'plain');

/**
 * What the examples take as given: the app's own names (its components, routes, a config, the
 * `error` a callback received), declared as globals. Everything from Angular or this package an
 * example must import itself, as a user's file would.
 */
const EXAMPLE_CONTEXT = `
declare class AppComponent {}
declare class SignInPage {}
declare class AccountPage {}
declare const adminRoutes: import('@angular/router').Routes;
declare const router: import('@angular/router').Router;
declare const route: import('@angular/router').ActivatedRoute;
declare const http: import('@angular/common/http').HttpClient;
declare const url: string;
declare const config: import('ngx-cognito-gateway').CognitoAuthConfig;
declare const error: unknown;
declare function showOffline(url: string, cause: unknown): void;
declare function expect(actual: unknown): {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
};
`;
let tarball: string;
let installed: string;

describe('plain NgModule consumer app (packed library, publint, Angular CLI build)', () => {
  before(() => {
    tarball = libraryTarball();
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

  it('every export of every entry has an @example, and each compiles against the package', () => {
    const files = [
      ['ngx-cognito-gateway.d.ts', 'ngx-cognito-gateway'],
      ['ngx-cognito-gateway-testing.d.ts', 'ngx-cognito-gateway/testing'],
      ['ngx-cognito-gateway-timer.d.ts', 'ngx-cognito-gateway/timer'],
    ];
    const sources = files.map(([file, specifier]) => {
      const text = readFileSync(join(installed, 'types', file!), 'utf8');
      return {
        specifier: specifier!,
        examples: examplesOf(text),
        missing: exportsWithoutExample(text),
      };
    });
    const missing = sources.flatMap(({ specifier, missing }) =>
      missing.map((name) => `${specifier}: ${name}`),
    );
    assert.deepEqual(missing, [], 'exports whose JSDoc has no @example');
    const examples = sources.flatMap((source) => source.examples);
    assert.ok(examples.length >= 40, `only ${examples.length} examples found`);
    // Inside the app's node_modules, so the package resolves as the app resolves it.
    const dir = join(appDir, 'node_modules', '.doc-examples');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const context = join(dir, 'context.d.ts');
    writeFileSync(context, EXAMPLE_CONTEXT);
    const modules = examples.map((example, index) => {
      const file = join(dir, `example-${index + 1}.ts`);
      writeFileSync(file, exampleModule(example));
      return file;
    });
    assert.deepEqual(
      typeErrors([context, ...modules]),
      [],
      `examples that do not compile, see ${dir}`,
    );
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
