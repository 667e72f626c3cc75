// Angular 22: an app made by `ng new --ssr` with Angular 22, installing the packed tarball with
// npm's peer checks (see cli-app.ts), and its unit tests as the CLI sets them up: `ng test` with
// Vitest, jsdom and no zone.js.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { describeCliApp } from './cli-app.ts';
import { ConsumerSetupError, ngIn } from './consumer-setup.ts';
import { documentedSpecs, writeSpecs } from './testing-examples.ts';

/** What Vitest's json reporter writes, as far as read here. */
interface VitestReport {
  testResults: {
    name: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

describeCliApp('angular-22', (app) => {
  it('runs every documented testing example under Vitest; the CLI’s own spec asks for the kit', async () => {
    const specs = await documentedSpecs();
    writeSpecs(specs, join(app.dir, 'src', 'app', 'documented'));
    const report = join(app.dir, 'dist', 'vitest.json');
    rmSync(report, { force: true });
    // Fails, as it should: the CLI's app.spec.ts creates App (which injects CognitoAuthState)
    // without the testing kit.
    const run = await ngIn(app.dir, [
      'test',
      '--no-watch',
      '--reporters=json',
      `--output-file=${report}`,
    ]).catch((error: unknown) => error);
    assert.ok(run instanceof ConsumerSetupError, 'ng test passed, yet app.spec.ts lacks the kit');
    assert.ok(existsSync(report), `Vitest wrote no report:\n${run.message}`);
    const { testResults } = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
    const results = (file: string) =>
      testResults.filter((r) => r.name.includes(file)).flatMap((r) => r.assertionResults);

    for (const file of specs.keys()) {
      const tests = results(`/documented/${file}`);
      assert.ok(tests.length > 0, `Vitest ran nothing from ${file}`);
      for (const test of tests) {
        assert.equal(test.status, 'passed', `${file}: ${test.fullName}\n${test.failureMessages}`);
      }
    }
    const cli = results('/app/app.spec.ts');
    assert.deepEqual(
      cli.map((test) => [test.fullName, test.status]),
      [
        ['App should create the app', 'failed'],
        ['App should render title', 'failed'],
      ],
    );
    for (const test of cli) {
      assert.match(
        test.failureMessages.join('\n'),
        /CognitoAuthConfigError.*provideCognitoAuthTesting\(\)/s,
      );
    }
    const ran = testResults.flatMap((r) => r.assertionResults).length;
    assert.equal(
      ran,
      cli.length + [...specs.keys()].flatMap((file) => results(`/documented/${file}`)).length,
    );
  });
});
