import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startProcess } from '../../local/processes.ts';
import { expect, shot, signIn, test, type E2eStack } from '../fixtures.ts';
import { listenerPid } from '../listener-pid.ts';
import { root } from '../paths.ts';

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

function countRequests(page: Page) {
  const counts = { refresh: 0, listOk: 0, list401: 0 };
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target'] ?? '';
    // Amplify 6.22 refreshes with GetTokensFromRefreshToken; older versions with REFRESH_TOKEN_AUTH.
    if (
      target.endsWith('.GetTokensFromRefreshToken') ||
      (request.postData() ?? '').includes('REFRESH_TOKEN')
    ) {
      counts.refresh++;
    }
  });
  page.on('response', (response) => {
    const req = response.request();
    if (req.method() === 'GET' && new URL(req.url()).pathname === '/tasks') {
      if (response.status() === 200) counts.listOk++;
      if (response.status() === 401) counts.list401++;
    }
  });
  return counts;
}

async function signedInToEmptyList(page: Page, e2e: E2eStack): Promise<void> {
  await page.goto(`${e2e.app.url}/sign-in`);
  await signIn(page, e2e);
  await expect(page.getByTestId('empty-state')).toBeVisible();
}

test('4a: a 401 from the gateway that one forced refresh cannot heal → one refresh, no retry, then sign-in and back', async ({
  page,
  e2e,
}) => {
  await signedInToEmptyList(page, e2e);
  await tamper(page, 'accessToken');
  await tamper(page, 'refreshToken');
  const counts = countRequests(page);
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Ftimers&reason=expired$/);
  await expect(page.getByText('Your session ended')).toBeVisible();
  // One 401, no retry of the request. The one forced refresh may show as up to 3 HTTP attempts:
  // cognito-local answers it with a 500, and Amplify's client retries 5xx (3 attempts in all).
  expect({ listOk: counts.listOk, list401: counts.list401 }).toEqual({ listOk: 0, list401: 1 });
  expect(counts.refresh).toBeGreaterThanOrEqual(1);
  expect(counts.refresh).toBeLessThanOrEqual(3);
  await signIn(page, e2e);
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
});

// Amplify 6.22 refreshes with the GetTokensFromRefreshToken action, which cognito-local 5.3.0 does
// not implement (it answers "CognitoLocal#Unsupported"), so no refresh can succeed on the local
// stack until it translates that action. Kept here, real, for when it does.
test.fixme('4b: a 401 from the gateway heals with one forced refresh and one retry', async ({
  page,
  e2e,
}) => {
  await signedInToEmptyList(page, e2e);
  await tamper(page, 'accessToken');
  const counts = countRequests(page);
  await page.reload();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  expect(counts).toEqual({ refresh: 1, listOk: 1, list401: 1 });
});

test('6: Timer server down → a clear error, the app stays usable, and recovers when it returns', async ({
  page,
  e2e,
}) => {
  await signedInToEmptyList(page, e2e);

  const port = Number(new URL(e2e.stack.urls.timer).port);
  process.kill(listenerPid(port, 'timer-server/main.ts'), 'SIGTERM');
  await expect
    .poll(() =>
      fetch(e2e.stack.urls.timer).then(
        () => 'up',
        () => 'down',
      ),
    )
    .toBe('down');

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

  const restarted = await startProcess({
    name: 'timer-server (restarted by e2e)',
    command: process.execPath,
    args: [
      join(root, 'local', 'timer-server', 'main.ts'),
      '--port',
      String(port),
      '--db',
      ':memory:',
    ],
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    timeoutMs: 30_000,
  });
  try {
    // Going back to the list reloads it; the error gives way to the (fresh, empty) store.
    await page.locator('app-timer-form ion-back-button').click();
    await expect(page).toHaveURL(`${e2e.app.url}/timers`);
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
  } finally {
    await restarted.stop();
  }
});

test('5: served from an origin the API does not allow → the browser blocks the call and the app says so', async ({
  page,
  e2e,
}) => {
  await page.goto(`${e2e.foreignApp.url}/sign-in`);
  await signIn(page, e2e);
  const banner = page.getByTestId('error-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-kind', 'network');
  await expect(banner).toContainText('origin not allowed or API down');
  await shot(page, 'error-origin-not-allowed');
});
