// axe-core on every state a person can reach, in light and dark, not only every page: notes,
// field errors, banners, the confirm dialog, loading and empty states, the conflict message, the
// account page. 0 serious or critical violations, and no console error on a page that is working.
// Each state is scanned in both schemes where it stands, and several states per page load, to keep
// the suite quick.
import type { Page } from '@playwright/test';
import { consoleErrors, expectAccessible } from '../axe.ts';
import { apiAs, continueAs, expect, settled, shot, signIn, test } from '../fixtures.ts';
import { addVirtualAuthenticator } from '../virtual-authenticator.ts';

test.describe.configure({ mode: 'serial' });

/**
 * Holds every answer of the API for `url` (whatever its query: the list asks `/tasks?limit=…`)
 * until `during` is done: the page shows it loading.
 */
async function whileLoading(page: Page, url: string, during: () => Promise<void>): Promise<void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const matches = (requested: URL): boolean => requested.origin + requested.pathname === url;
  await page.route(matches, async (route) => {
    await held;
    await route.fallback();
  });
  try {
    await during();
  } finally {
    release();
    await page.unroute(matches);
  }
}

/** Opens Ionic's alert and waits until it is shown in full: its fade-in is no state a person reads. */
async function presentAlert(page: Page, open: () => Promise<void>): Promise<void> {
  // A string, not a function: the Node-side type check has no DOM types.
  const presented = page.evaluate(
    `new Promise((resolve) => document.addEventListener('ionAlertDidPresent', resolve, { once: true }))`,
  );
  await open();
  await presented;
}

/**
 * axe on the page now, in light and then in dark (the system's scheme, which the app follows):
 * after a navigation once Ionic's transition is done, after a change on the same page
 * (`{ settle: false }`) at once; `shot` also saves a screenshot per scheme under that name.
 */
function scanner(page: Page) {
  return async (what: string, options: { settle?: boolean; shot?: string } = {}) => {
    if (options.settle ?? true) await settled(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectAccessible(page, `${what} (${scheme})`);
      if (options.shot) await shot(page, `${options.shot}-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };
}

test('sign-in pages and their states pass axe in light and dark mode', async ({ page, e2e }) => {
  const scan = scanner(page);
  const step = (tag: string) => page.locator(tag);

  await page.goto(`${e2e.app.url}/timers`);
  await expect(page).toHaveURL(/\/sign-in/);
  await scan('sign-in', { shot: 'sign-in' });
  for (const reason of ['expired', 'signed-out', 'confirmed', 'password-changed']) {
    await page.goto(`${e2e.app.url}/sign-in?reason=${reason}`);
    await expect(page.getByTestId('sign-in-note')).toBeVisible();
    await scan(`sign-in note "${reason}"`);
  }
  await step('app-sign-in').getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(step('app-sign-in ion-input.ion-invalid')).toHaveCount(1);
  await scan('sign-in with a field error', { settle: false });

  // The choice of first factors (this user has no passkey), its password refused, an emailed code.
  await continueAs(page, e2e.user.username);
  await scan('first-factor choice');
  const choice = step('app-sign-in-choice');
  // Named before any choice, though required only once the password is chosen.
  await expect(choice.locator('ion-input[name=password] input')).toHaveAccessibleName('Password');
  await choice.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(step('app-sign-in-choice ion-input.ion-invalid')).toHaveCount(1);
  await scan('first-factor choice, no password typed', { settle: false });
  await step('app-sign-in-choice ion-input[name=password] input').fill('Wrong-Passw0rd!');
  await choice.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(choice.locator('form > [role=alert]')).toHaveText('Wrong username or password.');
  await scan('first-factor choice, password refused', { settle: false });
  await choice.getByRole('button', { name: 'Email me a code' }).click();
  await expect(page).toHaveURL(/\/sign-in\/email-code$/);
  await scan('emailed code');
  await step('app-email-code ion-input[name=code] input').fill('00000000');
  await step('app-email-code').getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(step('app-email-code ion-input[name=code].ion-invalid')).toHaveCount(1);
  await scan('emailed code refused', { settle: false });
  await step('app-email-code').getByRole('button', { name: 'Send a new code' }).click();
  await expect(step('app-email-code').getByTestId('resend-status')).not.toBeEmpty();
  await scan('emailed code, a new one sent', { settle: false });

  await page.goto(`${e2e.app.url}/sign-up`);
  await step('app-sign-up').getByRole('button', { name: 'Create account' }).click();
  await expect(step('app-sign-up ion-input.ion-invalid')).toHaveCount(3);
  await scan('sign-up with field errors', { settle: false });

  await page.goto(
    `${e2e.app.url}/sign-up/confirm?username=${encodeURIComponent(e2e.user.username)}`,
  );
  await step('app-confirm-sign-up').getByRole('button', { name: 'Send a new code' }).click();
  await expect(step('app-confirm-sign-up').getByTestId('resend-status')).not.toBeEmpty();
  await scan('confirm sign-up, a new code sent', { settle: false });
  await step('app-confirm-sign-up ion-input[name=code] input').fill('000000');
  await step('app-confirm-sign-up').getByRole('button', { name: 'Confirm' }).click();
  await expect(step('app-confirm-sign-up ion-input[name=code].ion-invalid')).toHaveCount(1);
  await scan('confirm sign-up, code refused', { settle: false });

  await page.goto(`${e2e.app.url}/forgot-password`);
  await scan('forgot password');
  await page.goto(`${e2e.app.url}/sign-in/new-password`);
  await expect(step('app-new-password').getByTestId('step-ended')).toBeVisible();
  await scan('a sign-in step that has ended');
});

test('passkey pages and their states pass axe in light and dark mode', async ({ page, e2e }) => {
  const scan = scanner(page);
  const authenticator = await addVirtualAuthenticator(page);
  const app = e2e.passkeyUrl;
  await page.goto(`${app}/sign-in`);
  await signIn(page, e2e);
  await expect(page).toHaveURL(`${app}/timers`);

  // The account page's passkeys: none, one added, its Remove dialog.
  await page.goto(`${app}/account`);
  const passkeys = page.locator('app-passkeys');
  await expect(passkeys.getByTestId('passkeys-status')).toHaveText(/^No passkeys yet/);
  await scan('account, no passkeys');
  await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(passkeys.getByTestId('passkey-list').locator('li')).toHaveCount(1);
  await scan('account, a passkey added', { settle: false });
  await presentAlert(page, () => passkeys.getByRole('button', { name: /^Remove / }).click());
  await expect(page.locator('ion-alert .alert-button-danger')).toBeVisible();
  await scan('remove passkey dialog', { settle: false });
  await page.locator('ion-alert').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('ion-alert')).toHaveCount(0);
  // Added again on the same device: the browser refuses, in words.
  await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(passkeys.getByTestId('passkeys-status')).toHaveText(
    'This device already has a passkey for your account.',
  );
  await scan('account, a passkey refused', { settle: false });

  // The choice with a passkey, and a passkey this device no longer has.
  await page.locator('app-account').getByRole('button', { name: 'Sign out' }).click();
  await continueAs(page, e2e.user.username);
  const choice = page.locator('app-sign-in-choice');
  await expect(choice.getByRole('button', { name: 'Sign in with a passkey' })).toBeVisible();
  await scan('first-factor choice with a passkey');
  await authenticator.clear();
  await choice.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(choice.locator('form > [role=alert]')).toHaveText(/^No passkey was used/);
  await scan('first-factor choice, no passkey on this device', { settle: false });
});

test('timer and account pages and their states pass axe in light and dark mode, with no console errors', async ({
  page,
  e2e,
}) => {
  const errors = consoleErrors(page);
  const scan = scanner(page);
  const api = await apiAs(e2e);

  await page.goto(`${e2e.app.url}/sign-in`);
  await whileLoading(page, `${e2e.apiOrigin}/tasks`, async () => {
    await signIn(page, e2e);
    await expect(page.getByLabel('Loading timers')).toBeVisible();
    await scan('list loading');
  });
  // The test's own user: the list starts empty.
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await scan('empty list');

  await page.getByTestId('new-timer').click();
  await expect(page).toHaveURL(/\/timers\/new$/);
  await scan('form');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('ion-input[name=name].ion-invalid')).toHaveCount(1);
  await scan('form with errors', { settle: false, shot: 'form-validation' });
  await page.locator('ion-input[name=name] input').fill(`${'n'.repeat(101)}\u0007`);
  await expect(page.getByTestId('field-controls')).toBeVisible();
  await scan('form: a name too long, with a control character', { settle: false });

  await page.locator('ion-input[name=name] input').fill('Backup');
  await page.locator('ion-input[name=executionCommand] input').fill('/usr/local/bin/backup');
  await page.locator('ion-input[name=executeUntil] input').fill('2099-01-31T18:00');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('timer-detail')).toBeVisible();
  await expect(page.locator('app-timer-detail ion-back-button button')).toHaveAccessibleName(
    'Back',
  );
  await expect(page.getByTestId('timer-detail').getByRole('heading')).toHaveCount(0);
  await scan('details, with the "created" toast', { shot: 'details' });
  const id = new URL(page.url()).pathname.split('/').pop()!;

  await page.goto(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('timer-list')).toBeVisible();
  await scan('list', { shot: 'list' });

  // The delete dialog, with its destructive button in the danger colour.
  await page.getByTestId('timer-list').getByText('Backup').click();
  await presentAlert(page, () => page.getByRole('button', { name: 'Delete timer' }).click());
  await expect(page.locator('ion-alert .alert-button-danger')).toBeVisible();
  await scan('delete dialog', { settle: false });
  await page.locator('ion-alert').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('ion-alert')).toHaveCount(0);

  // Loading the details and the edit form; the edit form failing to load; a missing timer.
  await page.goto(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('timer-list')).toBeVisible();
  await whileLoading(page, `${e2e.apiOrigin}/tasks/${id}`, async () => {
    await page.getByTestId('timer-list').getByText('Backup').click();
    await expect(page.getByLabel('Loading timer')).toBeVisible();
    await scan('details loading');
  });
  await whileLoading(page, `${e2e.apiOrigin}/tasks/${id}`, async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByTestId('form-loading')).toBeVisible();
    await scan('edit form loading');
  });
  await expect(page.locator('app-timer-form ion-input[name=name] input')).toHaveValue('Backup');

  expect(errors, 'console errors on working pages').toEqual([]);

  // The conflict message: the timer changed elsewhere after the form loaded it.
  const {
    id: _,
    createdAt: __,
    updatedAt: ___,
    version,
    ...draft
  } = (await api('GET', `/tasks/${id}`))!.body!;
  const elsewhere = await api(
    'PUT',
    `/tasks/${id}`,
    { ...draft, name: 'Changed elsewhere' },
    {
      'if-match': `"${version}"`,
    },
  );
  expect(elsewhere.status).toBe(200);
  await page.locator('app-timer-form ion-input[name=name] input').fill('Mine');
  await page.locator('app-timer-form').getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('app-timer-form').getByTestId('error-banner')).toHaveAttribute(
    'data-kind',
    'changed',
  );
  await scan('edit form: changed elsewhere', { settle: false });

  await page.route(`${e2e.apiOrigin}/tasks/${id}`, (route) => route.abort('failed'));
  await page.goto(`${e2e.app.url}/timers/${id}/edit`);
  await expect(page.locator('app-timer-form').getByTestId('error-banner')).toBeVisible();
  await scan('edit form: could not load');
  await page.unroute(`${e2e.apiOrigin}/tasks/${id}`);
  await page.goto(`${e2e.app.url}/timers/no-such-timer/edit`);
  await expect(page.locator('app-timer-form').getByTestId('error-banner')).toHaveAttribute(
    'data-kind',
    'not-found',
  );
  await scan('edit form: no such timer');

  // Error states: the API unreachable (the browser gets no answer) and failing (HTTP 500).
  await page.route(`${e2e.apiOrigin}/**`, (route) => route.abort('failed'));
  await page.goto(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('error-banner')).toHaveAttribute('data-kind', 'network');
  await scan('API unreachable', { shot: 'error-unreachable' });
  await page.unroute(`${e2e.apiOrigin}/**`);
  // Slow enough to see the retry under way.
  await page.route(`${e2e.apiOrigin}/**`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{}' });
  });
  await retryShowsProgress(page);
  await expect(page.getByTestId('error-banner')).toHaveAttribute('data-kind', 'server');
  await scan('API failing', { settle: false });
  await page.unroute(`${e2e.apiOrigin}/**`);

  // The account page: who is signed in, passkeys (which cannot work on an IP address, said so),
  // the authenticator app off and being set up.
  await page.goto(`${e2e.app.url}/account`);
  const account = page.locator('app-account');
  await expect(account.getByTestId('totp-status')).toHaveText(/^Off/);
  await expect(account.getByTestId('passkeys-not-here')).toBeVisible();
  await scan('account');
  await account.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await account.locator('ion-input[name=code] input').fill('12');
  await account.getByRole('button', { name: 'Verify and turn on' }).click();
  await expect(account.locator('ion-input[name=code].ion-invalid')).toHaveCount(1);
  await scan('account: setting up an authenticator app, with a field error', { settle: false });
});

/** "Try again" says it is trying while the request is under way, and cannot be pressed twice. */
async function retryShowsProgress(page: Page): Promise<void> {
  const button = page.getByTestId('error-banner').locator('ion-button');
  await button.click();
  await expect(button).toHaveText('Trying…');
  await expect(button).toHaveAttribute('disabled');
  await expect(button).toHaveText('Try again');
}
