// No screen saves over data it has not loaded: an edit whose load fails shows no form and sends no
// PUT, a timer that no longer exists says so and leads back to the list, and every PUT is
// conditional (If-Match), whatever the server would do without it.
import { apiAs, expect, signIn, test } from '../fixtures.ts';

test.describe.configure({ mode: 'serial' });

const STORED = {
  name: 'Nightly backup',
  description: 'Copies the orders to cold storage.',
  hour: 2,
  minute: 30,
  daysOfWeek: ['MON', 'FRI'],
  executionCommand: '/usr/local/bin/backup',
  executeUntil: '2099-01-31T18:00:00Z',
};

test('an edit whose load fails shows no form and sends no PUT; Try again loads it; Save is conditional', async ({
  page,
  e2e,
}) => {
  const api = await apiAs(e2e);
  const created = await api('POST', '/tasks', STORED);
  expect(created.status).toBe(201);
  const id = String(created.body?.['id']);
  const item = `/tasks/${encodeURIComponent(id)}`;

  const writes: { method: string; ifMatch?: string }[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(e2e.apiOrigin)) return;
    if (['PUT', 'POST', 'DELETE'].includes(request.method())) {
      writes.push({ method: request.method(), ifMatch: request.headers()['if-match'] });
    }
  });
  // The task's one GET fails as a network error would; the list and everything else work.
  await page.route(`${e2e.apiOrigin}${item}`, (route) =>
    route.request().method() === 'GET' ? route.abort('failed') : route.fallback(),
  );
  await page.goto(`${e2e.app.url}/sign-in?returnUrl=${encodeURIComponent(`/timers/${id}/edit`)}`);
  await signIn(page, e2e);
  await expect(page).toHaveURL(new RegExp(`/timers/${id}/edit$`));

  const form = page.locator('app-timer-form');
  const banner = form.getByTestId('error-banner');
  await expect(banner).toHaveAttribute('data-kind', 'network');
  await expect(banner).toContainText("The Timer service can't be reached.");
  await expect(form.locator('form')).toHaveCount(0);
  await expect(form.locator('ion-input')).toHaveCount(0);
  await expect(form.getByRole('button', { name: 'Save' })).toHaveCount(0);
  // Enter on the page submits nothing: there is no form to submit.
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  expect(writes).toEqual([]);
  const untouched = await api('GET', item);
  expect(untouched.body).toMatchObject({ ...STORED, version: 1 });

  await page.unroute(`${e2e.apiOrigin}${item}`);
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect(form.locator('ion-input[name=name] input')).toHaveValue(STORED.name);
  await expect(form.locator('ion-textarea[name=description] textarea')).toHaveValue(
    STORED.description,
  );
  await expect(banner).toHaveCount(0);
  expect(writes).toEqual([]);

  await form.locator('ion-input[name=name] input').fill('Nightly backup, renamed');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('timer-detail')).toContainText('Nightly backup, renamed');
  expect(writes).toEqual([{ method: 'PUT', ifMatch: '"1"' }]);
  const saved = await api('GET', item);
  expect(saved.body).toMatchObject({
    ...STORED,
    name: 'Nightly backup, renamed',
    version: 2,
  });
});

test('a timer that no longer exists says so and leads back to the list, with no form and no Try again', async ({
  page,
  e2e,
}) => {
  const api = await apiAs(e2e);
  const created = await api('POST', '/tasks', STORED);
  const id = encodeURIComponent(String(created.body?.['id']));
  expect((await api('DELETE', `/tasks/${id}`)).status).toBe(204);

  await page.goto(`${e2e.app.url}/sign-in?returnUrl=${encodeURIComponent(`/timers/${id}/edit`)}`);
  await signIn(page, e2e);
  const form = page.locator('app-timer-form');
  const banner = form.getByTestId('error-banner');
  await expect(banner).toHaveAttribute('data-kind', 'not-found');
  await expect(banner).toContainText('This timer no longer exists.');
  await expect(banner.locator('ion-button')).toHaveText(['Back to list']);
  await expect(form.locator('form')).toHaveCount(0);
  await banner.getByRole('button', { name: 'Back to list' }).click();
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  // The details page of the same timer says the same.
  await page.goto(`${e2e.app.url}/timers/${id}`);
  const detail = page.locator('app-timer-detail').getByTestId('error-banner');
  await expect(detail).toContainText('This timer no longer exists.');
  await expect(detail.locator('ion-button')).toHaveText(['Back to list']);
  await expect(page.getByRole('button', { name: 'Delete timer' })).toHaveCount(0);
});
