// Size budgets, measured as an app's production build sees the library: the dist FESM linked by the
// Angular linker, bundled and minified by esbuild with the peers (Angular, RxJS, Amplify, tslib)
// external, then gzipped. Needs the built library (npm test builds it first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundleConsumer, ENTRY_FILES, PEER_EXTERNALS } from './lib/consumer-bundle.ts';
import { entrySize } from './lib/sizes.ts';

/** The targets, in bytes min+gzip. Both entries are over them (see README, Performance). */
const AUTH_BUDGET = 2560;
const TIMER_BUDGET = 2048;
/**
 * Ratchets while an entry is over its target, so it cannot grow unnoticed: set just above the
 * measured size (auth 3003 B, timer 2169 B when set); lower them as the entries shrink, drop them
 * once the budgets hold.
 */
const AUTH_CEILING = 3050;
const TIMER_CEILING = 2200;
/** Strings only the Timer client contains; they survive minification (error names, token name). */
const TIMER_ONLY = ['TimerApiError', 'TIMER_CLIENT_CONFIG', 'daysOfWeek', 'executionCommand'];

const built = existsSync(ENTRY_FILES['ngx-cognito-gateway'] ?? '');
const authGzipped = built ? (await entrySize('ngx-cognito-gateway')).gzipped : 0;
const timerGzipped = built ? (await entrySize('ngx-cognito-gateway/timer')).gzipped : 0;

describe('library size budgets', { skip: !built && 'run npm run build:lib first' }, () => {
  for (const [entry, budget, ceiling, measured] of [
    ['ngx-cognito-gateway', AUTH_BUDGET, AUTH_CEILING, authGzipped],
    ['ngx-cognito-gateway/timer', TIMER_BUDGET, TIMER_CEILING, timerGzipped],
  ] as const) {
    it(
      `${entry} stays within ${budget} bytes min+gzip`,
      {
        // Marked, not hidden: over its target; once it fits this becomes an ordinary
        // (failing-when-exceeded) test again. Meanwhile the ceiling below keeps it from growing.
        todo: measured > budget && `OVER BUDGET: ${entry} is ${measured} B > ${budget} B min+gzip`,
      },
      async () => {
        const { minified, gzipped } = await entrySize(entry);
        assert.ok(minified > 1000, `suspiciously small (${minified} B): did the build change?`);
        assert.ok(gzipped <= budget, `${entry} is ${gzipped} B min+gzip > ${budget}`);
      },
    );

    it(`${entry} does not grow past ${ceiling} bytes min+gzip`, async () => {
      const { gzipped } = await entrySize(entry);
      assert.ok(gzipped <= ceiling, `${entry} is ${gzipped} B min+gzip > ${ceiling}`);
    });
  }

  it('the timer entry really contains the strings the next check looks for', async () => {
    const { code } = await entrySize('ngx-cognito-gateway/timer');
    for (const marker of TIMER_ONLY) assert.ok(code.includes(marker), `${marker} not in timer`);
  });

  it('a consumer importing only the auth entry ships no Timer client code', async () => {
    const { code, metafile } = await bundleConsumer(
      `import { provideCognitoAuth, cognitoAuthInterceptor, CognitoAuthModule } from 'ngx-cognito-gateway';
       export const app = [provideCognitoAuth, cognitoAuthInterceptor, CognitoAuthModule];`,
      { external: PEER_EXTERNALS },
    );
    assert.ok(code.includes('CognitoAuthConfigError'), 'the auth code itself is missing');
    for (const marker of TIMER_ONLY) assert.ok(!code.includes(marker), `${marker} leaked in`);
    const inputs = Object.keys(metafile.inputs);
    assert.ok(!inputs.some((file) => file.includes('timer')), `timer input: ${inputs.join(', ')}`);
    assert.ok(gzipSync(code).length > 0);
  });
});
