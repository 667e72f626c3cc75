// The paths every Node-side part relies on point at what is committed, and the build outputs sit
// under dist/ (ignored by git), where the template's Code and the builds expect them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import * as paths from './paths.ts';

test('the root is the repository, and the committed files named are there', () => {
  const pkg = JSON.parse(readFileSync(`${paths.ROOT}/package.json`, 'utf8')) as { name: string };
  assert.equal(pkg.name, 'ngx-cognito-gateway-workspace');
  for (const file of [
    paths.TEMPLATE_FILE,
    paths.PARAMETERS_DIR,
    paths.LOCAL_PARAMETERS_FILE,
    paths.LOCAL_LAMBDA_PARAMETERS_FILE,
  ]) {
    assert.ok(existsSync(file), file);
  }
});

test('build outputs are under dist/', () => {
  const under = (file: string) => relative(paths.ROOT, file);
  assert.equal(under(paths.CORS_LAMBDA_FILE), 'dist/cors-preflight/index.mjs');
  assert.equal(under(paths.TIMER_LAMBDA_FILE), 'dist/timer-api/index.mjs');
  assert.equal(under(paths.LIBRARY_DIST), 'dist/ngx-cognito-gateway');
  assert.equal(under(paths.APP_DIST), 'dist/demo/browser');
});
