import { expect, signIn, test } from '../fixtures.ts';

test('after a deep-link sign-in, Back does not return to the sign-in form', async ({
  page,
  e2e,
}) => {
  await page.goto(`${e2e.app.url}/timers/new`);
  await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Ftimers%2Fnew$/);
  await signIn(page, e2e);
  await expect(page).toHaveURL(`${e2e.app.url}/timers/new`);
  await page.goBack();
  // Wherever Back leads (the page before the app, here about:blank), it is not the sign-in form.
  await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.locator('ion-input[name=password]')).toHaveCount(0);
});

test('opening /sign-in while signed in goes to the list', async ({ page, e2e }) => {
  await page.goto(`${e2e.app.url}/sign-in`);
  await signIn(page, e2e);
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await page.goto(`${e2e.app.url}/sign-in`);
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
});
