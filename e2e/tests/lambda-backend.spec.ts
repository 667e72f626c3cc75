// The stack as `npm start -- --backend lambda` runs it: the gateway hosts the Timer Lambda on
// $default (payload 2.0, the owner from the authorizer's verified claims) on dynalite. Two users
// in two browser contexts: A creates, reads, updates and deletes a timer; B never sees it and
// every direct call B makes on A's id is a 404.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ensureUser } from '../../local/cognito/seed.ts';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { recordAuthorized, signIn, type E2eStack } from '../fixtures.ts';
import { APP_DIST as appDir } from '../../tools/paths.ts';
import { serveApp, type StaticApp } from '../static-server.ts';

const DRAFT = {
  name: 'Lambda-mode backup',
  hour: 4,
  minute: 45,
  daysOfWeek: ['TUE'],
  executionCommand: '/usr/local/bin/backup --lambda',
};
const PASSWORD = 'E2e-Passw0rd!';

let stack: LocalStack;
let app: StaticApp;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = await mkdtemp(join(tmpdir(), 'e2e-lambda-cognito-'));
  app = await serveApp(appDir);
  stack = await startLocalStack({
    ports: { cognito: 0, timer: 0, gateway: 0, app: 0 },
    app: false,
    backend: 'lambda',
    cognitoDataDir: dataDir,
    configFile: false,
    allowedOrigins: [app.url],
  });
  app.config = stack.config;
});

test.afterAll(async () => {
  await stack?.stop();
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A signed-in page of a fresh user, and the token the app sends. */
async function signedIn(page: Page, username: string): Promise<string> {
  await ensureUser(stack.urls.cognito, stack.userPoolId, username, PASSWORD);
  const sent = recordAuthorized(page);
  await page.goto(`${app.url}/sign-in`);
  const user = { username, password: PASSWORD };
  await signIn(page, { user } as unknown as E2eStack);
  await expect(page).toHaveURL(`${app.url}/timers`);
  await expect.poll(() => sent.length).toBeGreaterThan(0);
  return sent[0]!.authorization;
}

interface Call {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}

/** fetch() from inside the page (its own origin, so through CORS), with the app's token. */
async function api(page: Page, url: string, authorization: string, call: Call = {}) {
  return page.evaluate(
    async ({ url, authorization, call }) => {
      const response = await fetch(url, {
        method: call.method ?? 'GET',
        body: call.body,
        headers: { authorization, 'content-type': 'application/json', ...call.headers },
      });
      const text = await response.text();
      return {
        status: response.status,
        etag: response.headers.get('etag'),
        // Readable only when the API exposes it to this origin (CORS).
        link: response.headers.get('link'),
        body: text ? JSON.parse(text) : null,
      };
    },
    { url, authorization, call },
  );
}

/** Two users' browser contexts for `run`, closed after it whatever happens. */
async function twoUsers(
  browser: Browser,
  run: (a: BrowserContext, b: BrowserContext) => Promise<void>,
): Promise<void> {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    await run(contextA, contextB);
  } finally {
    await contextA.close();
    await contextB.close();
  }
}

test('Lambda mode: one user creates, reads, updates and deletes; the other never sees it', async ({
  browser,
}, testInfo) => {
  await twoUsers(browser, async (contextA, contextB) => {
    const pageA = await contextA.newPage();
    const tokenA = await signedIn(pageA, `lambda-a-${testInfo.testId}@example.com`);
    const created = await api(pageA, `${stack.urls.gateway}/tasks`, tokenA, {
      method: 'POST',
      body: JSON.stringify(DRAFT),
    });
    expect(created.status).toBe(201);
    expect(created.etag).toBe('"1"');
    const item = `${stack.urls.gateway}/tasks/${encodeURIComponent(created.body.id)}`;
    await pageA.reload();
    await expect(pageA.getByTestId('timer-list')).toContainText(DRAFT.name);

    const updated = await api(pageA, item, tokenA, {
      method: 'PUT',
      headers: { 'if-match': '"1"' },
      body: JSON.stringify({ ...DRAFT, name: 'Lambda-mode backup, renamed' }),
    });
    expect(updated.status).toBe(200);
    const stale = await api(pageA, item, tokenA, {
      method: 'PUT',
      headers: { 'if-match': '"1"' },
      body: JSON.stringify(DRAFT),
    });
    expect(stale.status).toBe(412);
    await pageA.reload();
    await expect(pageA.getByTestId('timer-list')).toContainText('Lambda-mode backup, renamed');

    const pageB = await contextB.newPage();
    const tokenB = await signedIn(pageB, `lambda-b-${testInfo.testId}@example.com`);
    await expect(pageB.getByTestId('empty-state')).toBeVisible();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const body = method === 'PUT' ? JSON.stringify(DRAFT) : undefined;
      const headers = { 'if-match': '*' };
      const status = (await api(pageB, item, tokenB, { method, body, headers })).status;
      expect(status, `${method} by B`).toBe(404);
    }

    expect((await api(pageA, item, tokenA, { method: 'DELETE' })).status).toBe(204);
    await pageA.reload();
    await expect(pageA.getByTestId('empty-state')).toBeVisible();
  });
});

test("Lambda mode: the list pages, in the browser and in the app; cursors are the owner's own", async ({
  browser,
}, testInfo) => {
  await twoUsers(browser, async (contextA, contextB) => {
    const pageA = await contextA.newPage();
    const tokenA = await signedIn(pageA, `paging-a-${testInfo.testId}@example.com`);
    const tasks = `${stack.urls.gateway}/tasks`;
    // One more than the app's page of 20.
    const created = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        api(pageA, tasks, tokenA, {
          method: 'POST',
          body: JSON.stringify({ ...DRAFT, name: `Paged ${i}` }),
        }),
      ),
    );
    expect(created.map((c) => c.status)).toEqual(Array(21).fill(201));

    const first = await api(pageA, `${tasks}?limit=20`, tokenA);
    expect(first.body).toHaveLength(20);
    const next = /^<([^>]+)>; rel="next"$/.exec(first.link ?? '')?.[1];
    expect(next, 'the browser reads Link').toBeTruthy();
    const rest = await api(pageA, new URL(next!, tasks).href, tokenA);
    expect(rest.body).toHaveLength(1);
    expect(rest.link).toBeNull();

    // A PUT without If-Match is refused, and says why.
    const blind = await api(pageA, `${tasks}/${created[0]!.body.id}`, tokenA, {
      method: 'PUT',
      body: JSON.stringify(DRAFT),
    });
    expect(blind.status).toBe(428);
    expect(blind.body.detail).toContain('If-Match');

    // B, with A's cursor, gets 400 and nothing of A's.
    const pageB = await contextB.newPage();
    const tokenB = await signedIn(pageB, `paging-b-${testInfo.testId}@example.com`);
    const foreign = await api(pageB, new URL(next!, tasks).href, tokenB);
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).not.toContain('Paged');

    // The app shows 20, and the rest on "Load more", with the keyboard.
    await pageA.reload();
    const list = pageA.getByTestId('timer-list').locator('ion-item');
    await expect(list).toHaveCount(20);
    // The native button inside ion-button, where Tab lands.
    const more = pageA.getByRole('button', { name: 'Load more timers' });
    await more.focus();
    await pageA.keyboard.press('Enter');
    await expect(list).toHaveCount(21);
    await expect(more).toHaveCount(0);
    await expect(pageA.getByTestId('list-status')).toHaveText('21 timers shown');
    // Focus moved to the timer the button added (its link, inside ion-item's shadow root).
    await expect(list.nth(20).locator('a, button').first()).toBeFocused();
  });
});
