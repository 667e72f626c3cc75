#!/usr/bin/env node
// `npm test`: every suite of the workspace, builds first, one summary line last.
// The suites are a fixed list: one that is missing, or runs no test, counts as a failure, so a
// broken glob or a deleted config can never make the run greener. Test files inside a suite are
// found by pattern, so a folder that gains tests is picked up without editing this.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { globSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist', 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
process.env.CHROME_BIN ??= '/usr/bin/chromium';

const totals = { passed: 0, failed: 0, skipped: 0 };
const report = [];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const only = process.argv.slice(2); // e.g. `npm test -- node karma consumer`

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

function record(label, counts, ok) {
  // A suite that failed before running any test, or ran none, counts as one failure, never zero.
  if ((!ok || counts.passed + counts.failed === 0) && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  report.push(
    `${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
}

const wanted = (kind) => only.length === 0 || only.includes(kind);

function build() {
  // The library built and packed by the script its README tells users to run: the consumer apps
  // install that tarball.
  const steps = [['library build and pack', 'npm', ['run', '--silent', 'pack:lib']]];
  if (pkg.scripts['build:lambda'])
    steps.push(['lambda build', 'npm', ['run', '--silent', 'build:lambda']]);
  for (const [label, cmd, args] of steps) {
    const ok = run(label, cmd, args);
    if (!ok) record(label, { passed: 0, failed: 1, skipped: 0 }, false);
    if (!ok) return false;
  }
  return true;
}

function karma(project) {
  const file = join(out, `karma-${project}.json`);
  const ok = run(
    `karma ${project}`,
    'npx',
    ['ng', 'test', project, '--no-watch', '--no-progress'],
    {
      KARMA_RESULT_FILE: file,
    },
  );
  const counts = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : { passed: 0, failed: 0, skipped: 0 };
  record(`karma ${project}`, counts, ok && !counts.error);
}

function nodeSuites() {
  const patterns = [
    'local',
    'lambda',
    'cloudformation',
    'cfn-lib',
    'scripts',
    'tools',
    'bench',
    'openapi',
  ].map((dir) => `${dir}/**/*.test.{ts,mjs}`);
  // Specs beside root-level config files (capacitor.config.test.mts).
  patterns.push('*.test.{ts,mjs,mts}');
  const files = patterns
    .flatMap((p) => globSync(p, { cwd: root }))
    .filter((f) => !f.includes('node_modules'));
  nodeTest('node --test', files, 'node.tap');
}

/**
 * Apps that install the packed library and build with Angular's own builders (consumers/): all of
 * them get the tarball that build() packed, as `npm publish` would pack it.
 */
function consumerSuites() {
  const { name, version } = JSON.parse(
    readFileSync(join(root, 'dist', 'ngx-cognito-gateway', 'package.json'), 'utf8'),
  );
  process.env.CONSUMER_TARBALL = join(root, 'dist', `${name}-${version}.tgz`);
  nodeTest('consumer', globSync('consumers/*.test.ts', { cwd: root }), 'consumer.tap');
}

function missing(label, what) {
  console.error(`\n=== ${label}: expected suite is missing (${what})`);
  record(label, { passed: 0, failed: 1, skipped: 0 }, false);
}

function nodeTest(label, files, tapName) {
  if (files.length === 0) return missing(label, 'no test files found');
  const tap = join(out, tapName);
  const ok = run(label, process.execPath, [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files.sort(),
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  record(
    label,
    {
      passed: count('pass'),
      failed: count('fail') + count('cancelled'),
      skipped: count('skipped') + count('todo'),
    },
    ok,
  );
}

function e2e() {
  if (!existsSync(join(root, 'e2e', 'playwright.config.ts'))) {
    return missing('playwright', 'e2e/playwright.config.ts');
  }
  const file = join(out, 'playwright.json');
  const ok = run(
    'playwright',
    'npx',
    ['playwright', 'test', '--config', 'e2e/playwright.config.ts'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    },
  );
  const stats = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).stats : {};
  record(
    'playwright',
    {
      passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
      failed: stats.unexpected ?? 0,
      skipped: stats.skipped ?? 0,
    },
    ok,
  );
}

if (build()) {
  if (wanted('karma')) {
    karma('ngx-cognito-gateway');
    karma('demo');
  }
  if (wanted('node')) nodeSuites();
  if (wanted('consumer')) consumerSuites();
  if (wanted('e2e')) e2e();
}

console.log('\n' + report.join('\n'));
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
