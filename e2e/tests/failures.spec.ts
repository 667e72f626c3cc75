import type { Page, Request } from '@playwright/test';
import { seedCognito } from '../../local/cognito/seed.ts';
import {
  expect,
  jwtPayload,
  recordAuthorized,
  shot,
  signIn,
  test,
  type E2eStack,
} from '../fixtures.ts';

test.describe.configure({ mode: 'serial' });

const TOKEN_KEY = /^CognitoIdentityServiceProvider\..+\.(accessToken|refreshToken)$/;

/** Breaks the stored token's signature (or replaces the refresh token) so only the server can tell. */
async function tamper(page: Page, which: 'accessToken' | 'refreshToken'): Promise<void> {
  const keys = (await page.evaluate('Object.keys(localStorage)')) as string[];
  const key = keys.find((k) => TOKEN_KEY.test(k) && k.endsWith(`.${which}`));
  expect(key, `stored ${which}`).toBeDefined();
  const value = (await page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`)) as string;
  const broken =
    which === 'accessToken'
      ? value.slice(0, value.lastIndexOf('.') + 1) + 'A'.repeat(86)
      : 'not-a-refresh-token';
  await page.evaluate(`localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(broken)})`);
}

const REFRESH_TARGET = 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken';

/**
 * What reaches cognito-local and the API: refresh calls (Amplify 6.22 refreshes only with
 * GetTokensFromRefreshToken), GET /tasks outcomes, every API 401, and every API request that
 * failed without any response (how a 401 without CORS headers would look: status 0).
 */
function countRequests(page: Page, apiOrigin: string) {
  const counts = { refresh: 0, listOk: 0, list401: 0 };
  const api = { unauthorized: 0, failed: [] as string[] };
  const answered = new WeakSet<Request>();
  page.on('request', (request) => {
    if (request.headers()['x-amz-target'] === REFRESH_TARGET) counts.refresh++;
  });
  page.on('response', (response) => {
    const req = response.request();
    const url = new URL(req.url());
    if (url.origin !== apiOrigin) return;
    answered.add(req);
    if (response.status() === 401) api.unauthorized++;
    if (req.method() === 'GET' && url.pathname === '/tasks') {
      if (response.status() === 200) counts.listOk++;
      if (response.status() === 401) counts.list401++;
    }
  });
  page.on('requestfailed', (request) => {
    // Chromium sometimes reports an answered GET as net::ERR_ABORTED once the page has read it (the
    // app shows the data; it happens without any token expiry too): not a failure of the call.
    if (new URL(request.url()).origin !== apiOrigin || answered.has(request)) return;
    api.failed.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  return { counts, api };
}

/** Exact counts, and still exact a moment later: nothing late (a second refresh, a retry) arrives. */
async function expectSettled(
  read: () => Record<string, unknown>,
  expected: Record<string, unknown>,
): Promise<void> {
  await expect.poll(read).toEqual(expected);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(read()).toEqual(expected);
}

async function signedInToEmptyList(page: Page, e2e: E2eStack): Promise<void> {
  await page.goto(`${e2e.app.url}/sign-in`);
  await signIn(page, e2e);
  await expect(page.getByTestId('empty-state')).toBeVisible();
}

test('3: short-lived tokens → the app keeps working across expiry with exactly one refresh and no 401', async ({
  page,
  e2e,
}) => {
  // Cognito's minimum on AWS is 5 minutes; cognito-local takes seconds. The interceptor asks Amplify
  // again a quarter of the lifetime before exp (5 s here); Amplify refreshes within 5 s of exp.
  const LIFETIME = 20;
  const cognito = e2e.stack.urls.cognito;
  await seedCognito(cognito, { tokenLifetimes: { accessSeconds: LIFETIME, idSeconds: LIFETIME } });
  try {
    const { counts, api } = countRequests(page, e2e.apiOrigin);
    const authorized = recordAuthorized(page);
    await signedInToEmptyList(page, e2e);
    const first = authorized[0]!.authorization.replace(/^Bearer /, '');
    const { exp, iat } = jwtPayload(first) as { exp: number; iat: number };
    expect(exp - iat).toBe(LIFETIME);

    // Use the app before expiry: create a timer, back to the list.
    await page.getByTestId('new-timer').click();
    await page.locator('ion-input[name=name] input').fill('Across expiry');
    await page.locator('ion-input[name=executionCommand] input').fill('/bin/true');
    await page.locator('ion-input[name=time] input').fill('06:45');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('timer-detail')).toContainText('Across expiry');
    await page.locator('app-timer-detail ion-back-button').click();
    await expect(page.getByTestId('timer-list')).toContainText('Across expiry');
    const beforeExpiry = authorized.length;
    expect(beforeExpiry).toBeGreaterThanOrEqual(3);
    expect(new Set(authorized.map((a) => a.authorization)).size).toBe(1);
    expect(counts.refresh).toBe(0);

    // Past exp: the gateway now refuses the token the app has been sending.
    await page.waitForTimeout(Math.max(0, exp * 1000 + 1000 - Date.now()));
    const stale = await fetch(`${e2e.stack.urls.gateway}/tasks`, {
      headers: { authorization: `Bearer ${first}`, origin: e2e.app.url },
      signal: AbortSignal.timeout(10_000),
    });
    expect(stale.status).toBe(401);

    // Use it again, without a reload: open the timer, delete it, back on the (empty) list. Amplify
    // still holds the expired tokens; the first call after expiry has to bring a fresh one.
    await page.getByTestId('timer-list').getByText('Across expiry').click();
    await expect(page.getByTestId('timer-detail')).toContainText('Across expiry');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.locator('ion-alert').getByRole('button', { name: 'Delete' }).click();
    await expect(page).toHaveURL(`${e2e.app.url}/timers`);
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await expect(page.getByTestId('error-banner')).toHaveCount(0);

    await expectSettled(() => ({ refresh: counts.refresh, ...api, failed: [...api.failed] }), {
      refresh: 1,
      unauthorized: 0,
      failed: [],
    });
    // Every request after expiry carried one new, unexpired token.
    const after = authorized.slice(beforeExpiry);
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(new Set(after.map((a) => a.authorization)).size).toBe(1);
    const renewed = jwtPayload(after[0]!.authorization.replace(/^Bearer /, '')) as {
      exp: number;
      iat: number;
    };
    expect(renewed.iat).toBeGreaterThanOrEqual(exp);
    expect(renewed.exp - renewed.iat).toBe(LIFETIME);
  } finally {
    // Back to the stack's lifetimes for the tests after this one.
    await seedCognito(cognito);
  }
});

test('4a: a 401 from the gateway that one forced refresh cannot heal → one refresh, no retry, then sign-in and back', async ({
  page,
  e2e,
}) => {
  await signedInToEmptyList(page, e2e);
  await tamper(page, 'accessToken');
  await tamper(page, 'refreshToken');
  const { counts } = countRequests(page, e2e.apiOrigin);
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Ftimers&reason=expired$/);
  await expect(page.getByText('Your session ended')).toBeVisible();
  // One 401, one refresh request (refused with a 400 NotAuthorizedException, which Amplify does
  // not retry and answers by clearing the session), no retry of the request.
  await expectSettled(() => ({ ...counts }), { refresh: 1, listOk: 0, list401: 1 });
  await signIn(page, e2e);
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  expect(counts).toEqual({ refresh: 1, listOk: 1, list401: 1 });
});

test('4b: a 401 from the gateway heals with one forced refresh and one retry', async ({
  page,
  e2e,
}) => {
  await signedInToEmptyList(page, e2e);
  await tamper(page, 'accessToken');
  const { counts, api } = countRequests(page, e2e.apiOrigin);
  await page.reload();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expectSettled(() => ({ ...counts, failed: [...api.failed] }), {
    refresh: 1,
    listOk: 1,
    list401: 1,
    failed: [],
  });
});

test('6: Timer server down → a clear error, the app stays usable, and recovers when it returns', async ({
  page,
  e2e,
}) => {
  await signedInToEmptyList(page, e2e);

  // The stack starts the Timer server again on its port when this returns, also on a failure, so
  // the tests after this one find the stack as it was (its in-memory store starts empty).
  await e2e.stack.withTimerDown(async () => {
    await expect(fetch(e2e.stack.urls.timer)).rejects.toThrow();
    await page.reload();
    const banner = page.getByTestId('error-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('data-kind', 'server');
    await expect(banner).toContainText('Timer service failed');
    await shot(page, 'error-server-down');
    // Still usable: the form opens and validates without the API.
    await page.getByTestId('new-timer').click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('ion-input[name=name].ion-invalid')).toHaveCount(1);
  });

  // Going back to the list reloads it; the error gives way to the (fresh, empty) store.
  await page.locator('app-timer-form ion-back-button').click();
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  // Back for good: a timer saved now is stored, for the tests after this one too.
  await page.getByTestId('new-timer').click();
  await page.locator('ion-input[name=name] input').fill('After the outage');
  await page.locator('ion-input[name=executionCommand] input').fill('/bin/true');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('ion-toast').last()).toHaveText('Timer created');
});

test('5: served from an origin the API does not allow → the browser blocks the call and the app says so', async ({
  page,
  e2e,
}) => {
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await page.goto(`${e2e.foreignApp.url}/sign-in`);
  await signIn(page, e2e);
  const banner = page.getByTestId('error-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-kind', 'network');
  await expect(banner).toContainText("The Timer service can't be reached. Try again in a moment.");
  // The cause a developer can fix goes to the console, not to the person using the app.
  await expect(banner).not.toContainText('AllowedOrigins');
  expect(console.some((text) => text.includes('AllowedOrigins'))).toBe(true);
  await shot(page, 'error-origin-not-allowed');
});
