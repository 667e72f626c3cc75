// `npm run bench` builds the interceptor harness from the packed library, with Amplify stubbed: a new
// import from Amplify in the library breaks that build, and only this test would say so before a
// bench run does. It also checks the harness measures what it claims (one refresh per storm).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ENTRY_FILES } from '../lib/consumer-bundle.ts';
import { loadHarness } from './load-harness.ts';

const built = existsSync(ENTRY_FILES['ngx-cognito-gateway'] ?? '');

describe(
  'the interceptor benchmark harness',
  { skip: !built && 'run npm run build:lib first' },
  () => {
    it('builds against the library and runs each case through the interceptor', async () => {
      const harness = await loadHarness();
      const cases = harness.createCases();
      await harness.warm(cases);
      const fetchesAfterWarm = cases.tokenFetches();
      for (const run of [...Object.values(cases.direct), ...Object.values(cases.httpClient)]) run();
      // The steady state the bench measures: the cached token, no further fetch.
      assert.equal(cases.tokenFetches(), fetchesAfterWarm);
    });

    it('a storm of 50 requests on a rejected token makes one refresh and retries each once', async () => {
      const harness = await loadHarness();
      assert.deepEqual(await harness.storm(50, true), {
        refreshes: 1,
        sends: 100,
        retries: 50,
        failures: 0,
      });
      assert.deepEqual(await harness.storm(50, false), {
        refreshes: 0,
        sends: 50,
        retries: 0,
        failures: 0,
      });
    });
  },
);
