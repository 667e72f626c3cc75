// Every sign-in step cognito-local can run, through the demo's own pages and Amplify, with the
// codes read where cognito-local keeps them (e2e/cognito-codes.ts). The step it cannot run (TOTP
// setup during sign-in: no MFA_SETUP challenge) is a Karma spec with a fake Amplify.
import type { Page } from '@playwright/test';
import { cognitoCall } from '../../local/cognito/api.ts';
import { ensureTemporaryPassword } from '../../local/cognito/seed.ts';
import { consoleErrors, expectAccessible } from '../axe.ts';
import { enableTotp, sentCode, totp } from '../cognito-codes.ts';
import {
  continueAs,
  expect,
  settled,
  signInWithPassword,
  test,
  type E2eStack,
} from '../fixtures.ts';

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'Steps-Passw0rd!';
const TEMPORARY = 'Temp-Passw0rd!';
const CODE_REFUSED = 'That code is not right or has expired. Check the email, or send a new code.';
const WAITING_FOR_CONFIRMATION =
  'If this address is waiting for confirmation, we emailed it a new code.';

/** An address no other test or run uses (the pool has email usernames). */
function freshEmail(what: string): string {
  return `${what}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** A new user with only a temporary password: signing in asks for a new one. */
async function temporaryUser(e2e: E2eStack, what: string): Promise<string> {
  const email = freshEmail(what);
  await ensureTemporaryPassword(e2e.stack.urls.cognito, e2e.stack.userPoolId, email, TEMPORARY);
  return email;
}

/** A confirmed user with a permanent password, as an admin would create one. */
async function confirmedUser(e2e: E2eStack, what: string): Promise<string> {
  const email = await temporaryUser(e2e, what);
  await cognitoCall(e2e.stack.urls.cognito, 'AdminSetUserPassword', {
    UserPoolId: e2e.stack.userPoolId,
    Username: email,
    Password: PASSWORD,
    Permanent: true,
  });
  return email;
}

/**
 * One page's form. Ionic keeps the pages behind the current one in the DOM, so every locator is
 * scoped to the page's own element.
 */
function on(page: Page, tag: string) {
  const root = page.locator(tag);
  return {
    field: (name: string) => root.locator(`ion-input[name=${name}] input`),
    errorOf: (name: string) => root.locator(`ion-input[name=${name}].ion-invalid .error-text`),
    alert: root.locator('[role=alert]'),
    /** The step's status lines (failure, summary, resend status) that say something now. */
    statusLines: root.locator(
      'form > .field-error:not(:empty), [data-testid=resend-status]:not(:empty)',
    ),
    /** What the page says, with this address written as <address>. */
    text: async (address: string) => (await root.innerText()).replaceAll(address, '<address>'),
    press: (name: string) => root.getByRole('button', { name, exact: true }).click(),
  };
}

/** The username, Continue, then the password on the choice page (choice-based sign-in). */
const signInWith = signInWithPassword;

/** Fills in and sends the sign-up form; answers the code page it leads to. */
async function signUpAs(page: Page, email: string) {
  const signUp = on(page, 'app-sign-up');
  await signUp.field('username').fill(email);
  await signUp.field('password').fill(PASSWORD);
  await signUp.field('repeat').fill(PASSWORD);
  await signUp.press('Create account');
  await expect(page).toHaveURL(/\/sign-up\/confirm\?username=/);
  const confirm = on(page, 'app-confirm-sign-up');
  await expect(confirm.field('username')).toHaveValue(email);
  return confirm;
}

async function expectSignedIn(page: Page, e2e: E2eStack): Promise<void> {
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
}

async function scan(page: Page, what: string): Promise<void> {
  await settled(page);
  await expectAccessible(page, what);
}

test('TOTP codes follow RFC 6238 (its SHA-1 test vectors)', () => {
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of "12345678901234567890"
  expect(totp(secret, 59_000)).toBe('287082');
  expect(totp(secret, 1_111_111_109_000)).toBe('081804');
  expect(totp(secret, 2_000_000_000_000)).toBe('279037');
});

test('sign-up → a wrong code is refused in words → a new code, sent offline → signed in', async ({
  page,
  e2e,
}) => {
  const errors = consoleErrors(page);
  const email = freshEmail('sign-up');
  await page.goto(`${e2e.app.url}/sign-in`);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/sign-up$/);

  const signUp = on(page, 'app-sign-up');
  await signUp.press('Create account');
  await expect(signUp.errorOf('username')).toHaveText('Enter your email address.');
  await expect(signUp.field('username')).toBeFocused();
  await scan(page, 'sign-up with errors');

  const confirm = await signUpAs(page, email);

  const code = await sentCode(e2e.stack, email);
  await confirm.field('code').fill(code === '000000' ? '111111' : '000000');
  await confirm.press('Confirm');
  await expect(confirm.errorOf('code')).toHaveText(CODE_REFUSED);
  await expect(confirm.field('code')).toBeFocused();
  await scan(page, 'confirm sign-up with a wrong code');

  // A new code, offline: cognito-local "sends" it where the first one went; one status line.
  await confirm.press('Send a new code');
  await expect(confirm.statusLines).toHaveText([WAITING_FOR_CONFIRMATION]);
  const newCode = await sentCode(e2e.stack, email, code).catch(() => code); // 1 in 10⁶: the same
  await confirm.field('code').fill(newCode);
  await confirm.press('Confirm');
  // Amplify's auto sign-in after the code: no second password prompt.
  await expectSignedIn(page, e2e);
  // Chromium logs each of Cognito's 400 answers (the wrong code); nothing else.
  expect(errors.filter((e) => !/^Failed to load resource: .* 400/.test(e))).toEqual([]);
});

test('temporary password → choose a new one → signed in; the new one works next time', async ({
  page,
  e2e,
}) => {
  const email = await temporaryUser(e2e, 'new-password');
  await page.goto(`${e2e.app.url}/timers`);
  await signInWith(page, email, TEMPORARY);
  await expect(page).toHaveURL(/\/sign-in\/new-password\?returnUrl=%2Ftimers$/);
  const form = on(page, 'app-new-password');
  await expect(page.locator('app-new-password').getByText(email)).toBeVisible();

  await form.field('password').fill(PASSWORD);
  await form.field('repeat').fill('Something-else1!');
  await form.press('Set password and sign in');
  await expect(form.errorOf('repeat')).toHaveText('The two passwords are not the same.');
  await expect(form.field('repeat')).toBeFocused();
  await scan(page, 'new password with errors');

  await form.field('repeat').fill(PASSWORD);
  await form.press('Set password and sign in');
  await expectSignedIn(page, e2e);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signInWith(page, email, PASSWORD);
  await expectSignedIn(page, e2e);
});

test('the seeded new-password user from the table gets the step too', async ({ page, e2e }) => {
  const { username, temporaryPassword } = e2e.stack.newPasswordCredentials;
  // Reset as every start does, so a repeat of this test finds the step again.
  await ensureTemporaryPassword(
    e2e.stack.urls.cognito,
    e2e.stack.userPoolId,
    username,
    temporaryPassword,
  );
  await page.goto(`${e2e.app.url}/sign-in`);
  await signInWith(page, username, temporaryPassword);
  await expect(page).toHaveURL(/\/sign-in\/new-password$/);
});

test('forgot password → wrong code refused → emailed code and new password → sign in with it', async ({
  page,
  e2e,
}) => {
  const email = await confirmedUser(e2e, 'reset');
  await page.goto(`${e2e.app.url}/sign-in`);
  await on(page, 'app-sign-in').field('username').fill(email);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password\?username=/);
  const forgot = on(page, 'app-forgot-password');
  await expect(forgot.field('username')).toHaveValue(email);
  await scan(page, 'forgot password');
  await forgot.press('Send code');
  await expect(page).toHaveURL(/\/forgot-password\/confirm\?/);

  const reset = on(page, 'app-reset-password');
  const code = await sentCode(e2e.stack, email);
  await reset.field('code').fill(code === '000000' ? '111111' : '000000');
  await reset.field('password').fill('Reset-Passw0rd!');
  await reset.field('repeat').fill('Reset-Passw0rd!');
  await reset.press('Change password');
  await expect(reset.errorOf('code')).toHaveText(CODE_REFUSED);
  await scan(page, 'reset password with a wrong code');

  await reset.field('code').fill(code);
  await reset.press('Change password');
  await expect(page).toHaveURL(/\/sign-in\?username=.*reason=password-changed/);
  const signIn = on(page, 'app-sign-in');
  await expect(
    page.getByText('Your password was changed. Sign in with the new one.'),
  ).toBeVisible();
  await expect(signIn.field('username')).toHaveValue(email);

  // The old password no longer works, and reads exactly like an account that does not exist:
  // the same choices, the same words.
  const refused = async (username: string) => {
    await page.goto(`${e2e.app.url}/sign-in`);
    await signInWith(page, username, PASSWORD);
    const choice = on(page, 'app-sign-in-choice');
    await expect(choice.alert).toHaveText('Wrong username or password.');
    return choice.text(username);
  };
  expect(await refused(email)).toBe(await refused(freshEmail('nobody')));

  await page.goto(`${e2e.app.url}/sign-in`);
  await signInWith(page, email, 'Reset-Passw0rd!');
  await expectSignedIn(page, e2e);
});

test('no page tells who has an account: the sign-in choices, an emailed code, sign-up, its code and forgot-password read alike', async ({
  page,
  e2e,
}) => {
  const known = await confirmedUser(e2e, 'known');
  const unknown = freshEmail('unknown');
  /** What each page says for one address, with the address itself written as <address>. */
  const said = async (email: string) => {
    // Choice-based sign-in, before sign-up below makes the unknown address an (unconfirmed) account:
    // the factors offered, and the emailed code's page.
    await page.goto(`${e2e.app.url}/sign-in`);
    await continueAs(page, email);
    const choices = await on(page, 'app-sign-in-choice').text(email);
    await on(page, 'app-sign-in-choice').press('Email me a code');
    await expect(page).toHaveURL(/\/sign-in\/email-code$/);
    const emailCode = on(page, 'app-email-code');
    await emailCode.field('code').fill('00000000');
    await emailCode.press('Sign in');
    await expect(emailCode.errorOf('code')).toHaveText(
      'That code is not right. Check the email, or send a new code.',
    );
    const afterEmailCode = await emailCode.text(email);
    await page.goto(`${e2e.app.url}/sign-up`);
    const confirm = await signUpAs(page, email);
    const afterSignUp = await confirm.text(email);
    await confirm.press('Send a new code');
    await expect(confirm.statusLines).toHaveText([WAITING_FOR_CONFIRMATION]);
    await confirm.field('code').fill('000000');
    await confirm.press('Confirm');
    await expect(confirm.errorOf('code')).toHaveText(CODE_REFUSED);
    const afterCode = await confirm.text(email);

    await page.goto(`${e2e.app.url}/forgot-password?username=${encodeURIComponent(email)}`);
    await on(page, 'app-forgot-password').press('Send code');
    await expect(page).toHaveURL(/\/forgot-password\/confirm\?username=/);
    const reset = on(page, 'app-reset-password');
    await expect(reset.field('username')).toHaveValue(email);
    const afterForgot = await reset.text(email);
    await reset.press('Send a new code');
    await expect(reset.statusLines).toHaveCount(1);
    const resent = await reset.statusLines.innerText();

    return { afterSignUp, afterCode, afterForgot, resent, choices, afterEmailCode };
  };
  const forKnown = await said(known);
  const forUnknown = await said(unknown);
  expect(forKnown).toEqual(forUnknown);
  expect(forKnown.afterForgot).toContain('If an account exists for this username');
  expect(forKnown.resent).toBe('If an account exists for this username, we emailed it a new code.');
  // The sign-up of a taken address created nothing: the account still signs in as before.
  await page.goto(`${e2e.app.url}/sign-in`);
  await signInWith(page, known, PASSWORD);
  await expectSignedIn(page, e2e);
});

test('a sign-in step reloaded after its 3 minutes, or opened in another tab, says so before any typing', async ({
  page,
  context,
  e2e,
}) => {
  const email = await temporaryUser(e2e, 'reloaded');
  await page.clock.install();
  await page.goto(`${e2e.app.url}/sign-in`);
  await signInWith(page, email, TEMPORARY);
  await expect(page).toHaveURL(/\/sign-in\/new-password$/);
  const step = page.locator('app-new-password');
  // Within the 3 minutes a reload keeps the step (Amplify keeps it in the tab), and whom it is for.
  await page.reload();
  await expect(step.locator('ion-input[name=password]')).toBeVisible();
  await expect(step.getByText(email)).toBeVisible();

  await page.clock.fastForward('03:01');
  const ended = step.getByTestId('step-ended');
  await expect(ended).toHaveText(/^This sign-in has ended/);
  await expect(step.locator('ion-input')).toHaveCount(0);
  await page.reload();
  await expect(ended).toHaveText(/^This sign-in has ended/);
  await expect(step.locator('ion-input')).toHaveCount(0);
  await expect(step.getByRole('button', { name: 'Set password and sign in' })).toHaveCount(0);
  await scan(page, 'sign-in step ended');

  // The TOTP step, opened in a tab where no sign-in is under way.
  const other = await context.newPage();
  await other.goto(`${e2e.app.url}/sign-in/totp`);
  await expect(other.locator('app-totp-code').getByTestId('step-ended')).toBeVisible();
  await expect(other.locator('app-totp-code ion-input')).toHaveCount(0);
  await other.locator('app-totp-code').getByRole('link', { name: 'Start again' }).click();
  await expect(other).toHaveURL(/\/sign-in$/);
  await other.close();
});

test('TOTP MFA: a wrong code is refused in words, the current code signs in', async ({
  page,
  e2e,
}) => {
  const email = await confirmedUser(e2e, 'totp');
  const secret = await enableTotp(e2e.stack, email, PASSWORD);
  await page.goto(`${e2e.app.url}/timers`);
  await signInWith(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\/totp\?returnUrl=%2Ftimers$/);
  const form = on(page, 'app-totp-code');

  await form.field('code').fill('12 34');
  await form.press('Verify');
  await expect(form.errorOf('code')).toHaveText('The code is 6 digits, such as 123456.');

  // A code from an hour ago: well outside cognito-local's one-step tolerance.
  const stale = totp(secret, Date.now() - 3_600_000);
  await form.field('code').fill(stale === totp(secret) ? '000000' : stale);
  await form.press('Verify');
  await expect(form.errorOf('code')).toHaveText(
    'That code is not right. Enter the current code from your authenticator app.',
  );
  await scan(page, 'TOTP code with a wrong code');

  await form.field('code').fill(totp(secret));
  await form.press('Verify');
  await expectSignedIn(page, e2e);
});

test('the account page names who is signed in and turns on an authenticator app; the next sign-in asks for it', async ({
  page,
  e2e,
}) => {
  const email = await confirmedUser(e2e, 'account');
  await page.goto(`${e2e.app.url}/sign-in`);
  await signInWith(page, email, PASSWORD);
  await expectSignedIn(page, e2e);
  await expect(page.getByTestId('signed-in-as')).toHaveText(`Signed in as ${email}`);

  await page.locator('app-signed-in-bar').getByRole('link', { name: 'Account' }).click();
  await expect(page).toHaveURL(`${e2e.app.url}/account`);
  const account = page.locator('app-account');
  await expect(account.getByTestId('account-email')).toHaveText(email);
  const status = account.getByTestId('totp-status');
  await expect(status).toHaveText(/^Off/);
  await account.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const secret = (await account.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  await expect(account.getByTestId('totp-link')).toHaveAttribute(
    'href',
    `otpauth://totp/Timers:${email}?secret=${secret}&issuer=Timers`,
  );
  const code = account.locator('ion-input[name=code] input');
  await code.fill('000000' === totp(secret) ? '111111' : '000000');
  await account.getByRole('button', { name: 'Verify and turn on' }).click();
  await expect(account.locator('ion-input[name=code].ion-invalid .error-text')).toHaveText(
    'That code is not right. Enter the current code from your authenticator app.',
  );
  await code.fill(totp(secret));
  await account.getByRole('button', { name: 'Verify and turn on' }).click();
  await expect(status).toHaveText(
    'Your authenticator app is on: the next sign-in asks for its code.',
  );

  await account.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signInWith(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\/totp$/);
  await on(page, 'app-totp-code').field('code').fill(totp(secret));
  await on(page, 'app-totp-code').press('Verify');
  await expectSignedIn(page, e2e);
});
