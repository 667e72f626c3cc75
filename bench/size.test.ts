// Size budgets, measured as an app's production build sees the library: the dist FESM linked by the
// Angular linker, bundled and minified by esbuild with the peers (Angular, RxJS, Amplify, tslib)
// external, then gzipped. Needs the built library (npm test builds it first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundleConsumer, ENTRY_FILES, PEER_EXTERNALS } from './lib/consumer-bundle.ts';
import { entrySize } from './lib/sizes.ts';

/**
 * Budgets in bytes min+gzip: what an app ships of the library. They stop a feature from growing
 * the library unnoticed; they are not a target to write code for. They sit well above today's
 * sizes on purpose, so a change that makes the code easier to read fits: readability wins unless
 * a measured cost users notice says otherwise. For scale, the Amplify auth an app signs in with
 * (signIn, signOut, fetchAuthSession, Hub) is about 40 kB min+gzip, measured the same way.
 */
const AUTH_INTERCEPTOR_BUDGET = 5500;
const AUTH_ROUTING_BUDGET = 6500;
const TIMER_BUDGET = 3500;
/** Strings only the Timer client contains; they survive minification (error names, token name). */
const TIMER_ONLY = ['TimerApiError', 'TIMER_CLIENT_CONFIG', 'daysOfWeek', 'executionCommand'];
/**
 * Strings only the guard, the auth state and the sign-in redirect contain (`signedIn`: a property
 * of the state, which minifiers keep).
 */
const ROUTING_ONLY = ['COGNITO_SIGN_IN_URL', 'returnUrl', 'signedIn', 'app.invalid'];

const INTERCEPTOR_APP = `import { provideCognitoAuth, cognitoAuthInterceptor, CognitoAuthModule } from 'ngx-cognito-gateway';
  export const app = [provideCognitoAuth, cognitoAuthInterceptor, CognitoAuthModule];`;
const ROUTING_APP = `import { provideCognitoAuth, cognitoAuthInterceptor, CognitoAuthModule, cognitoAuthGuard,
    withSignInRedirect, CognitoAuthState, safeReturnUrl } from 'ngx-cognito-gateway';
  export const app = [provideCognitoAuth, cognitoAuthInterceptor, CognitoAuthModule,
    cognitoAuthGuard, withSignInRedirect, CognitoAuthState, safeReturnUrl];`;

/**
 * What an app importing `contents` ships of the library: its bundle with the peers external,
 * minus the import statements of those peers. In an app's build the peers are bundled, so such
 * statements do not exist, and the names imported but unused (the guard's `Router` in an
 * interceptor-only app) cost nothing there; counting them would charge every app for code it
 * tree-shakes away.
 */
async function appShare(contents: string): Promise<{ code: string; gzipped: number }> {
  const { code } = await bundleConsumer(contents, { external: PEER_EXTERNALS });
  const own = code.replace(/import(\{[^}]*\}|\*as \w+ )from"[^"]*";/g, '');
  return { code: own, gzipped: gzipSync(own, { level: 9 }).length };
}

const built = existsSync(ENTRY_FILES['ngx-cognito-gateway'] ?? '');

describe('library size budgets', { skip: !built && 'run npm run build:lib first' }, () => {
  it(`an interceptor-only app ships at most ${AUTH_INTERCEPTOR_BUDGET} bytes min+gzip of the library`, async () => {
    const { code, gzipped } = await appShare(INTERCEPTOR_APP);
    assert.ok(code.length > 1000, `suspiciously small (${code.length} B): did the build change?`);
    for (const marker of ROUTING_ONLY)
      assert.ok(!code.includes(marker), `${marker} not tree-shaken`);
    assert.ok(
      gzipped <= AUTH_INTERCEPTOR_BUDGET,
      `${gzipped} B min+gzip > ${AUTH_INTERCEPTOR_BUDGET}`,
    );
  });

  it(`with the guard, auth state and sign-in redirect, at most ${AUTH_ROUTING_BUDGET} bytes min+gzip`, async () => {
    const { code, gzipped } = await appShare(ROUTING_APP);
    for (const marker of ROUTING_ONLY) assert.ok(code.includes(marker), `${marker} not in the app`);
    assert.ok(gzipped <= AUTH_ROUTING_BUDGET, `${gzipped} B min+gzip > ${AUTH_ROUTING_BUDGET}`);
  });

  it(`ngx-cognito-gateway/timer is at most ${TIMER_BUDGET} bytes min+gzip`, async () => {
    const { minified, gzipped } = await entrySize('ngx-cognito-gateway/timer');
    assert.ok(minified > 1000, `suspiciously small (${minified} B): did the build change?`);
    assert.ok(
      gzipped <= TIMER_BUDGET,
      `ngx-cognito-gateway/timer is ${gzipped} B min+gzip > ${TIMER_BUDGET}`,
    );
  });

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
