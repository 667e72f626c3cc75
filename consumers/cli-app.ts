// The suite every app made by `ng new --ssr` runs (consumers/cli/angular-<major>/, one per
// supported Angular major): its own npm install of the packed tarball, a production build with the
// scaffold's server routes (every route prerendered, one rendered in the browser only), the
// prerendered page's transfer state, and Chromium on the built server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from '@playwright/test';
import { startProcess, type Managed } from '../local/processes.ts';
import { collectErrors, launchChromium, subjectOf, transferState } from './chromium.ts';
import { copySources, installWithNpm, libraryTarball, ngIn, root } from './consumer-setup.ts';
import { startRecordingApi, type RecordedRequest, type RecordingApi } from './recording-api.ts';

export const cliDir = join(root, 'consumers', 'cli');
/** A page and its two API calls on 127.0.0.1 take well under a second. */
const PAGE_TIMEOUT_MS = 15_000;
const TOKEN_SUBJECT = 'cli-consumer'; // what the app's browser bootstrap signs in as

export interface CliApp {
  readonly dir: string;
  readonly api: RecordingApi;
  readonly origin: string;
  readonly browser: () => Promise<Browser>;
}

/** Chromium's requests carry its user agent, also through the app's /api proxy; Node's do not. */
const fromBrowser = (r: RecordedRequest) => /Chrome/.test(r.headers['user-agent'] ?? '');

/**
 * Declares the suite for the app in consumers/cli/<name>; `more` adds tests that need the
 * installed app (it runs after the shared ones, the app still installed and served).
 */
export function describeCliApp(name: string, more?: (app: CliApp) => void): void {
  const dir = join(cliDir, name);
  const app = {
    dir,
    browser: async () => (browser ??= await launchChromium()),
  } as { -readonly [K in keyof CliApp]: CliApp[K] };
  let server: Managed | undefined;
  let browser: Browser | undefined;
  let built: string;

  describe(`${name} app made by ng new --ssr (own lockfile, npm install of the tarball)`, () => {
    before(async () => {
      app.api = await startRecordingApi({
        '/api/tasks': ({ headers }) => ({ seen: seenWith(headers['x-api-token']) }),
        '/v1/notes': ({ headers }) => ({ seen: seenWith(headers['x-api-token']) }),
        '/public/notice': (_request, count) => ({ seen: `public notice #${count}` }),
        '/public/ping': () => ({ seen: 'pong' }),
      });
      await installWithNpm(libraryTarball(), dir);
      copySources(join(cliDir, 'src'), dir);
      // The build prerenders every route against this API, through the app's own server.
      await ngIn(dir, ['build'], { API_ORIGIN: app.api.origin });
      built = join(dir, 'dist', 'consumer');
      server = await startProcess({
        name: `${name}-consumer`,
        command: process.execPath,
        args: [join(built, 'server', 'server.mjs')],
        env: { PORT: '0', API_ORIGIN: app.api.origin },
        ready: /listening on (http:\/\/\S+)/,
        timeoutMs: 20_000,
        echo: 'stderr',
      });
      app.origin = server.ready[1]!;
      app.api.allowOrigin = app.origin;
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
      await app.api?.close();
    });

    it('prerendered the page with both allowlisted calls kept out of its transfer state', () => {
      const html = readFileSync(join(built, 'browser', 'tasks', 'index.html'), 'utf8');
      const buildCalls = app.api.requests.filter((r) => !fromBrowser(r));
      assert.deepEqual(
        buildCalls.map((r) => [r.path, r.headers['x-api-token']]).sort(),
        [
          ['/api/tasks', undefined],
          ['/public/notice', undefined],
          ['/v1/notes', undefined],
        ],
        'the prerender asked the relative, the absolute and the public URL once each, no token',
      );
      assert.match(html, /<p class="relative"[^>]*>\s*seen without a token\s*<\/p>/);
      const state = transferState(html);
      assert.match(state, /public notice #1/, 'the public answer is handed to the browser');
      assert.doesNotMatch(
        state,
        /seen without a token/,
        'the transfer state holds the build-time answer of an allowlisted URL',
      );
    });

    it('serves the page rendered in the browser only without any answer in it', async () => {
      const response = await fetch(`${app.origin}/client-tasks`);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.doesNotMatch(html, /seen without a token|public notice/);
      assert.doesNotMatch(html, /<p class="relative"/, 'the page was rendered on the server');
    });

    it('after hydration, sends the token to the relative and the absolute API URL only', async () => {
      const page = await (await app.browser()).newPage();
      const errors = collectErrors(page);
      const before = app.api.requests.length;
      await page.goto(`${app.origin}/tasks`, { timeout: PAGE_TIMEOUT_MS });
      for (const selector of ['p.relative', 'p.absolute']) {
        await page
          .locator(selector, { hasText: 'seen with a token' })
          .waitFor({ timeout: PAGE_TIMEOUT_MS })
          .catch(() =>
            assert.fail(
              `${selector} never showed the browser's own authorized answer (was the build-time ` +
                `answer reused from the transfer state?): ` +
                JSON.stringify({ calls: app.api.requests.slice(before), errors }),
            ),
          );
      }
      await waitFor(() => app.api.requests.slice(before).some((r) => r.path === '/public/ping'));
      const calls = app.api.requests.slice(before);
      assert.deepEqual(
        calls.map((r) => [r.path, fromBrowser(r), subjectOf(r.headers['x-api-token'])]).sort(),
        [
          ['/api/tasks', true, TOKEN_SUBJECT],
          ['/public/ping', true, undefined],
          ['/v1/notes', true, TOKEN_SUBJECT],
        ],
        'the browser asks both API URLs with its token, the public one without; the public ' +
          'answer of the render comes from the transfer state',
      );
      assert.ok(calls.every((r) => r.authorization === undefined));
      assert.equal(await page.locator('p.notice').textContent(), 'public notice #1');
      assert.equal((await page.locator('p.auth').textContent())?.trim(), 'signed in as cli-user');
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('redirects a signed-out browser from the guarded page to sign-in, with the way back', async () => {
      const context = await (await app.browser()).newContext();
      await context.addInitScript(() => localStorage.setItem('consumer-signed-out', '1'));
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${app.origin}/private`, { timeout: PAGE_TIMEOUT_MS });
      await page.locator('p.sign-in').waitFor({ timeout: PAGE_TIMEOUT_MS });
      const url = new URL(page.url());
      assert.equal(`${url.pathname}${url.search}`, '/sign-in?returnUrl=%2Fprivate');
      assert.equal(await page.locator('p.sign-in').textContent(), 'sign in, then go to /private');
      assert.equal((await page.locator('p.auth').textContent())?.trim(), 'signed out');
      assert.deepEqual(errors, []);
      await context.close();
    });

    more?.(app);
  });
}

function seenWith(token: string | string[] | undefined): string {
  return token ? 'seen with a token' : 'seen without a token';
}

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + PAGE_TIMEOUT_MS;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
