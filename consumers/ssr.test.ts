// A real server-side render of an app that uses the library as users install it: the packed
// tarball in the app's node_modules, Angular's SSR builder, the built node:http server, a recording
// API on 127.0.0.1, and Chromium hydrating the page. Needs the built library (npm test builds it).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from '@playwright/test';
import { startProcess, type Managed } from '../local/processes.ts';
import { collectErrors, launchChromium, subjectOf, transferState } from './chromium.ts';
import {
  buildConsumer,
  consumerDist,
  installTarball,
  libraryTarball,
  root,
} from './consumer-setup.ts';
import { startRecordingApi, type RecordingApi, type RecordedRequest } from './recording-api.ts';

const appDir = join(root, 'consumers', 'ssr');
/** A render that makes two API calls on 127.0.0.1 takes well under a second. */
const RENDER_TIMEOUT_MS = 15_000;
const TOKEN_SUBJECT = 'ssr-consumer'; // what the app's browser bootstrap signs in as

let api: RecordingApi;
let server: Managed;
let appOrigin: string;
let browser: Browser | undefined;

/** The page, or a failure that says why a render that never finishes matters. */
async function render(path: string): Promise<string> {
  try {
    const response = await fetch(`${appOrigin}${path}`, {
      signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
    });
    assert.equal(response.status, 200, `GET ${path}: ${response.status}`);
    return await response.text();
  } catch (error) {
    if ((error as Error).name !== 'TimeoutError') throw error;
    assert.fail(
      `server render of ${path} did not finish within ${RENDER_TIMEOUT_MS} ms: an HTTP call ` +
        `that never settles on the server (e.g. an interceptor that throws) keeps the app unstable`,
    );
  }
}

const fromServer = (r: RecordedRequest) => r.origin === undefined;
const fromBrowser = (r: RecordedRequest) => r.origin === appOrigin;

describe('SSR consumer app (packed library, Angular SSR builder, Chromium)', () => {
  before(async () => {
    installTarball(libraryTarball(), appDir);
    buildConsumer(appDir);
    api = await startRecordingApi({
      '/api/tasks': ({ authorization }) => [
        {
          id: 't1',
          name: authorization ? 'seen with a token' : 'seen without a token',
          hour: 8,
          minute: 0,
          daysOfWeek: ['MON'],
          executionCommand: 'echo hi',
          createdAt: '2030-01-01T00:00:00Z',
          updatedAt: '2030-01-01T00:00:00Z',
        },
      ],
      '/public/notice': (_request, count) => ({ text: `public notice #${count}` }),
    });
    server = await startProcess({
      name: 'ssr-consumer',
      command: process.execPath,
      args: [join(consumerDist, 'ssr', 'server', 'server.mjs')],
      env: { PORT: '0', API_ORIGIN: api.origin },
      ready: /listening on (http:\/\/\S+)/,
      timeoutMs: 20_000,
      echo: 'stderr',
    });
    appOrigin = server.ready[1]!;
    api.allowOrigin = appOrigin;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await api?.close();
  });

  it('renders on the server, calling the allowlisted API without a token', async () => {
    const html = await render('/tasks');
    assert.match(html, /<li class="task"[^>]*>\s*seen without a token\s*<\/li>/);
    assert.match(html, /public notice #1/);
    const calls = api.requests.filter(fromServer);
    assert.deepEqual(
      calls.map((r) => [r.path, r.authorization]).sort(),
      [
        ['/api/tasks', undefined],
        ['/public/notice', undefined],
      ],
      'one server-side call of each, none with an Authorization header',
    );
    // The transfer cache hands the browser the public answer, never the allowlisted one.
    const state = transferState(html);
    assert.match(state, /public notice #1/);
    assert.doesNotMatch(state, /seen without a token/);
  });

  it('renders a guarded route on the server without hanging, signed out, for the browser to decide', async () => {
    const tasks = await render('/tasks');
    assert.match(
      tasks,
      /<p class="auth"[^>]*>\s*signed out\s*<\/p>/,
      'CognitoAuthState on the server',
    );
    // The server cannot see the session: the guard lets it render the page as for anyone (a
    // refused navigation would be a 404 here), with no user in it.
    const guarded = await render('/private');
    assert.match(guarded, /<p class="auth"[^>]*>\s*signed out\s*<\/p>/);
    assert.match(guarded, /<p class="private"[^>]*>private page of\s*<\/p>/);
  });

  it('after hydration, the guard lets the signed-in browser in and the state shows the user', async () => {
    browser ??= await launchChromium();
    const page = await browser.newPage();
    const pageErrors = collectErrors(page);
    await page.goto(`${appOrigin}/private`, { timeout: RENDER_TIMEOUT_MS });
    await page
      .locator('p.private', { hasText: 'private page of ssr-user' })
      .waitFor({ timeout: RENDER_TIMEOUT_MS })
      .catch(() => assert.fail(`the guarded page never showed: ${JSON.stringify(pageErrors)}`));
    assert.equal((await page.locator('p.auth').textContent())?.trim(), 'signed in as ssr-user');
    assert.equal(new URL(page.url()).pathname, '/private');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('after hydration, the browser sends its own authorized request instead of reusing the server answer', async () => {
    browser ??= await launchChromium();
    const page = await browser.newPage();
    const pageErrors = collectErrors(page);
    const before = api.requests.length;
    await page.goto(`${appOrigin}/tasks`, { timeout: RENDER_TIMEOUT_MS });
    await page
      .locator('li.task', { hasText: 'seen with a token' })
      .waitFor({ timeout: RENDER_TIMEOUT_MS })
      .catch(() => {
        const seen = api.requests.slice(before).filter(fromBrowser);
        assert.fail(
          `the hydrated page never showed the browser's own authorized answer (browser calls: ` +
            `${JSON.stringify(seen)}; page errors: ${JSON.stringify(pageErrors)}): was the ` +
            `server's unauthenticated answer reused from the transfer cache?`,
        );
      });

    const calls = api.requests.slice(before);
    const browserCalls = calls.filter(fromBrowser);
    assert.deepEqual(
      browserCalls.map((r) => [r.method, r.path, subjectOf(r.authorization)]),
      [['GET', '/api/tasks', TOKEN_SUBJECT]],
      'exactly one browser call: the allowlisted one, with a Bearer token; the public one ' +
        'comes from the transfer cache',
    );
    assert.ok(
      calls.filter(fromServer).every((r) => r.authorization === undefined),
      'the server never sends a token',
    );
    const serverNotice = calls.filter((r) => fromServer(r) && r.path === '/public/notice');
    assert.equal(serverNotice.length, 1, 'the page was rendered on the server once');
    const notices = api.requests.filter((r) => r.path === '/public/notice').length;
    assert.equal(
      await page.locator('p.notice').textContent(),
      `public notice #${notices}`,
      "the public answer on the hydrated page is the server's",
    );
    assert.deepEqual(pageErrors, []);
  });
});
