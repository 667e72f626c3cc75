// axe-core on every page and state a person meets, in light and dark: 0 serious or critical
// violations, and no console error on a page that is working.
import type { Page } from '@playwright/test';
import { consoleErrors, expectAccessible } from '../axe.ts';
import { expect, settled, shot, signIn, test } from '../fixtures.ts';

test.describe.configure({ mode: 'serial' });

for (const scheme of ['light', 'dark'] as const) {
  test(`every page passes axe in ${scheme} mode, with no console errors`, async ({ page, e2e }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const errors = consoleErrors(page);
    const scan = async (what: string, name?: string) => {
      await settled(page);
      await expectAccessible(page, `${what} (${scheme})`);
      if (name) await shot(page, `${name}-${scheme}`);
    };

    await page.goto(`${e2e.app.url}/timers`);
    await expect(page).toHaveURL(/\/sign-in/);
    await scan('sign-in', 'sign-in');
    await signIn(page, e2e);
    await expect(page).toHaveURL(/\/timers$/);
    // The test's own user: the list starts empty.
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await scan('empty list');

    await page.getByTestId('new-timer').click();
    await expect(page).toHaveURL(/\/timers\/new$/);
    await scan('form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('ion-input[name=name].ion-invalid')).toHaveCount(1);
    await scan('form with errors', 'form-validation');

    await page.locator('ion-input[name=name] input').fill(`Backup (${scheme})`);
    await page.locator('ion-input[name=executionCommand] input').fill('/usr/local/bin/backup');
    await page.locator('ion-input[name=executeUntil] input').fill('2099-01-31T18:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('timer-detail')).toBeVisible();
    await expect(page.locator('app-timer-detail ion-back-button button')).toHaveAccessibleName(
      'Back',
    );
    await expect(page.getByTestId('timer-detail').getByRole('heading')).toHaveCount(0);
    await scan('details', 'details');

    await page.goto(`${e2e.app.url}/timers`);
    await expect(page.getByTestId('timer-list')).toBeVisible();
    await scan('list', 'list');

    // The delete dialog, with its destructive button in the danger colour.
    await page.getByTestId('timer-list').getByText(`Backup (${scheme})`).click();
    await page.getByRole('button', { name: 'Delete timer' }).click();
    const destructive = page.locator('ion-alert .alert-button-danger');
    await expect(destructive).toBeVisible();
    await expectAccessible(page, `delete dialog (${scheme})`);
    await page.locator('ion-alert').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('ion-alert')).toHaveCount(0);

    expect(errors, 'console errors on working pages').toEqual([]);

    // Error states: the API unreachable (the browser gets no answer) and failing (HTTP 500).
    await page.route(`${e2e.apiOrigin}/**`, (route) => route.abort('failed'));
    await page.goto(`${e2e.app.url}/timers`);
    await expect(page.getByTestId('error-banner')).toHaveAttribute('data-kind', 'network');
    await scan('API unreachable', 'error-unreachable');
    await page.unroute(`${e2e.apiOrigin}/**`);
    // Slow enough to see the retry under way.
    await page.route(`${e2e.apiOrigin}/**`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{}' });
    });
    await retryShowsProgress(page);
    await expect(page.getByTestId('error-banner')).toHaveAttribute('data-kind', 'server');
    await scan('API failing');
    await page.unroute(`${e2e.apiOrigin}/**`);
  });
}

/** "Try again" says it is trying while the request is under way, and cannot be pressed twice. */
async function retryShowsProgress(page: Page): Promise<void> {
  const button = page.getByTestId('error-banner').locator('ion-button');
  await button.click();
  await expect(button).toHaveText('Trying…');
  await expect(button).toHaveAttribute('disabled');
  await expect(button).toHaveText('Try again');
}
