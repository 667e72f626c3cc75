import type { Page } from '@playwright/test';
import { expect, jwtPayload, recordAuthorized, shot, signIn, test } from '../fixtures.ts';

/** A time of day as this browser's locale writes it (12 or 24 h): what the app must show. */
const browserTime = (page: Page, hour: number, minute: number) =>
  page.evaluate(
    ([h, m]) =>
      new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(
        new Date(2024, 0, 1, h, m),
      ),
    [hour, minute] as const,
  );

test.describe.configure({ mode: 'serial' });

test('1: signed out, the list redirects to sign-in; a new user then sees an empty list', async ({
  page,
  e2e,
}) => {
  await page.goto(`${e2e.app.url}/timers`);
  await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Ftimers$/);
  await shot(page, 'sign-in');
  await signIn(page, e2e);
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
});

test('2: create, edit, delete; data survives reload; the token goes only to the API origin', async ({
  page,
  e2e,
}) => {
  const authorized = recordAuthorized(page);
  await page.goto(`${e2e.app.url}/sign-in`);
  await signIn(page, e2e);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  await page.getByTestId('new-timer').click();
  await expect(page).toHaveURL(/\/timers\/new$/);
  // Client-side validation from the library, next to the field, before any request.
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('ion-input[name=name].ion-invalid .error-text')).toHaveText(
    'Name is required.',
  );
  await expect(page.locator('ion-input[name=executionCommand].ion-invalid')).toHaveCount(1);
  await shot(page, 'form-validation');

  await page.locator('ion-input[name=name] input').fill('Backup');
  await page.locator('ion-input[name=executionCommand] input').fill('/usr/local/bin/backup');
  await page.locator('ion-input[name=time] input').fill('07:30');
  await page.getByRole('checkbox', { name: 'Sat' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/timers\/[^/]+$/);
  await expect(page.locator('ion-toast').last()).toHaveText('Timer created');
  const detail = page.getByTestId('timer-detail');
  await expect(detail).toContainText('Backup');
  await expect(page.getByTestId('detail-time')).toHaveText(await browserTime(page, 7, 30));
  await expect(detail).toContainText('Mon, Tue, Wed, Thu, Fri, Sat');

  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await expect(page.locator('ion-input[name=name] input')).toHaveValue('Backup');
  await page.locator('ion-input[name=name] input').fill('Nightly backup');
  await page.locator('ion-input[name=time] input').fill('23:15');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('detail-time')).toHaveText(await browserTime(page, 23, 15));
  await expect(page.locator('ion-toast').last()).toHaveText('Timer saved');

  await page.reload();
  await expect(page.getByTestId('timer-detail')).toContainText('Nightly backup');
  await expect(page.getByTestId('detail-time')).toHaveText(await browserTime(page, 23, 15));

  await page.goto(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('timer-list')).toContainText('Nightly backup');
  await shot(page, 'list');
  await page.getByTestId('timer-list').getByText('Nightly backup').click();
  await page.getByRole('button', { name: 'Delete timer' }).click();
  await page.locator('ion-alert').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.locator('ion-toast').last()).toHaveText('Timer deleted');

  // Every header that left the browser went to the API origin, as a Bearer access token.
  expect(authorized.length).toBeGreaterThanOrEqual(6);
  for (const { url, authorization } of authorized) {
    expect(new URL(url).origin).toBe(e2e.apiOrigin);
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(authorization);
    expect(match).not.toBeNull();
    const claims = jwtPayload(match![1]!);
    expect(claims['token_use']).toBe('access');
    expect(claims['client_id']).toBe(e2e.stack.userPoolClientId);
  }
});
