// Choice-based sign-in through the demo's own pages, Amplify and the local Cognito, in real
// Chromium: passkeys made by Chromium's virtual authenticator (e2e/virtual-authenticator.ts) and
// checked by the local Cognito's verification (@simplewebauthn/server), codes "emailed" where the
// local Cognito keeps them (local/cognito/codes.ts), their expiry reached by moving its clock.
import type { Page, Response } from '@playwright/test';
import { cognitoCall } from '../../local/cognito/api.ts';
import { resetLocalClock, setLocalClock } from '../../local/cognito/local-clock.ts';
import { signIn as cognitoSignIn } from '../../local/cognito/seed.ts';
import { seedPasswordOnlyPool } from '../../local/cognito/testing.ts';
import { sentSignInCode } from '../cognito-codes.ts';
import { serveApp } from '../static-server.ts';
import { APP_DIST } from '../../tools/paths.ts';
import {
  continueAs,
  expect,
  jwtPayload,
  onLocalhost,
  recordAuthorized,
  signIn,
  test,
  type E2eStack,
} from '../fixtures.ts';
import { addVirtualAuthenticator } from '../virtual-authenticator.ts';

test.describe.configure({ mode: 'serial' });

const PASSKEY_REFUSED =
  'This passkey was not accepted: it may have been removed from your account, or be for another ' +
  'site. Choose another way to sign in.';
const NO_PASSKEY_USED =
  'No passkey was used: the request was cancelled or timed out, or this device has no passkey ' +
  'for this account. Try again, or choose another way to sign in.';
const NOT_HERE =
  'Passkeys cannot be used on this page: they need the app’s own secure address (https), or ' +
  'http://localhost on your computer, not an IP address.';

/** The choice page now shown, and what it offers. */
function choicePage(page: Page) {
  const root = page.locator('app-sign-in-choice');
  return {
    root,
    passkey: root.getByRole('button', { name: 'Sign in with a passkey' }),
    emailCode: root.getByRole('button', { name: 'Email me a code' }),
    password: root.locator('ion-input[name=password]'),
    alert: root.locator('form > [role=alert]'),
    /** The factors offered, as the page names them. */
    offered: async () =>
      (await root
        .locator('ion-button:not([type=submit]), ion-input[name=password]')
        .evaluateAll((els) =>
          els.map((el) =>
            el.tagName === 'ION-INPUT' ? 'password' : (el.textContent?.trim() ?? ''),
          ),
        )) as string[],
  };
}

/** Cognito's answer to the next RespondToAuthChallenge with this challenge name. */
function answerTo(page: Page, challenge: string): Promise<Response> {
  return page.waitForResponse(
    (response) =>
      response.request().headers()['x-amz-target'] ===
        'AWSCognitoIdentityProviderService.RespondToAuthChallenge' &&
      (response.request().postDataJSON() as { ChallengeName?: string }).ChallengeName === challenge,
  );
}

/**
 * In a tab with a virtual authenticator, on the localhost origin: signs in with the password,
 * adds a passkey on the account page, and signs out.
 */
async function withPasskey(page: Page, e2e: E2eStack): Promise<void> {
  await page.goto(`${e2e.passkeyUrl}/sign-in`);
  await signIn(page, e2e);
  await expect(page).toHaveURL(`${e2e.passkeyUrl}/timers`);
  await page.goto(`${e2e.passkeyUrl}/account`);
  const passkeys = page.locator('app-passkeys');
  await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(passkeys.getByTestId('passkey-list').locator('li')).toHaveCount(1);
  await page.locator('app-account').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/** The user's `sub`, as Cognito keeps it. */
async function subOf(e2e: E2eStack): Promise<string> {
  const user = await cognitoCall<{ UserAttributes: { Name: string; Value: string }[] }>(
    e2e.stack.urls.cognito,
    'AdminGetUser',
    { UserPoolId: e2e.stack.userPoolId, Username: e2e.user.username },
  );
  return user.UserAttributes.find((a) => a.Name === 'sub')!.Value;
}

test('a passkey added after a password sign-in signs in alone; the API gets that user’s token', async ({
  page,
  e2e,
}) => {
  const authenticator = await addVirtualAuthenticator(page);
  const app = e2e.passkeyUrl;
  await page.goto(`${app}/sign-in`);
  await signIn(page, e2e);
  await expect(page).toHaveURL(`${app}/timers`);

  await page.locator('app-signed-in-bar').getByRole('link', { name: 'Account' }).click();
  const passkeys = page.locator('app-passkeys');
  const status = passkeys.getByTestId('passkeys-status');
  await expect(status).toHaveText(/^No passkeys yet/);
  await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(status).toHaveText('Passkey added: next time, choose “Sign in with a passkey”.');
  const listed = passkeys.getByTestId('passkey-list').locator('li');
  await expect(listed).toHaveCount(1);
  expect(await authenticator.credentialIds()).toHaveLength(1);

  // Named as Cognito names it, added when Cognito says, written as the app writes every date.
  const { AccessToken } = await cognitoSignIn(
    e2e.stack.urls.cognito,
    e2e.stack.userPoolClientId,
    e2e.user.username,
    e2e.user.password,
  );
  const { Credentials } = await cognitoCall<{
    Credentials: { FriendlyCredentialName: string; CreatedAt: number; CredentialId: string }[];
  }>(e2e.stack.urls.cognito, 'ListWebAuthnCredentials', { AccessToken });
  expect(Credentials.map((c) => c.CredentialId)).toEqual(await authenticator.credentialIds());
  const written = await page.evaluate(
    `new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
      .format(new Date(${Credentials[0]!.CreatedAt * 1000}))`,
  );
  await expect(listed.first()).toHaveText(
    new RegExp(`${Credentials[0]!.FriendlyCredentialName}\\s*Added ${written}\\s*Remove`),
  );

  await page.locator('app-account').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  const sent = recordAuthorized(page);
  await continueAs(page, e2e.user.username);
  const choice = choicePage(page);
  expect(await choice.offered()).toEqual(['Sign in with a passkey', 'Email me a code', 'password']);
  await choice.passkey.click();
  await expect(page).toHaveURL(`${app}/timers`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  const toApi = sent.filter((r) => r.url.startsWith(e2e.apiOrigin));
  expect(toApi.length).toBeGreaterThan(0);
  const sub = await subOf(e2e);
  for (const { authorization } of toApi) {
    const claims = jwtPayload(authorization.replace(/^Bearer /, ''));
    expect(claims['sub']).toBe(sub);
    expect(claims['token_use']).toBe('access');
  }
});

test('refused in plain words: a page the passkey is not for, an IP address, a device without it, a removed passkey', async ({
  page,
  browser,
  e2e,
}) => {
  await addVirtualAuthenticator(page);
  await withPasskey(page, e2e);
  const choice = choicePage(page);

  // Another localhost origin, which the local Cognito does not accept: the browser signs for
  // relying party localhost as asked; the local Cognito's verification refuses the origin.
  await page.goto(`${onLocalhost(e2e.foreignApp.url)}/sign-in`);
  await continueAs(page, e2e.user.username);
  const refused = answerTo(page, 'WEB_AUTHN');
  await choice.passkey.click();
  const answer = await refused;
  expect(answer.status()).toBe(400);
  expect(((await answer.json()) as { __type: string }).__type).toBe('NotAuthorizedException');
  await expect(choice.alert).toHaveText(PASSKEY_REFUSED);
  await expect(page).toHaveURL(/\/sign-in\/choose$/);

  // On an IP address no passkey can work: said, with no button that could only fail.
  await page.goto(`${e2e.app.url}/sign-in`);
  await continueAs(page, e2e.user.username);
  await expect(choice.root.getByTestId('passkeys-not-here')).toHaveText(NOT_HERE);
  await expect(choice.passkey).toHaveCount(0);

  // Another device, whose authenticator has no passkey for the account; then another way works.
  const other = await page.context().newPage();
  await addVirtualAuthenticator(other);
  await other.goto(`${e2e.passkeyUrl}/sign-in`);
  await continueAs(other, e2e.user.username);
  await choicePage(other).passkey.click();
  await expect(choicePage(other).alert).toHaveText(NO_PASSKEY_USED);
  await choicePage(other).emailCode.click();
  await expect(other).toHaveURL(/\/sign-in\/email-code$/);
  await other.close();

  // Removed on another device while this one chose: Cognito still asks for a passkey, the
  // browser offers the one it holds, and the local Cognito no longer knows it.
  await page.goto(`${e2e.passkeyUrl}/sign-in`);
  await continueAs(page, e2e.user.username);
  const elsewhere = await browser.newContext();
  try {
    const account = await elsewhere.newPage();
    await account.goto(`${e2e.app.url}/sign-in`);
    await signIn(account, e2e);
    await expect(account).toHaveURL(`${e2e.app.url}/timers`);
    await account.goto(`${e2e.app.url}/account`);
    const passkeys = account.locator('app-passkeys');
    await expect(passkeys.getByTestId('passkeys-not-here')).toHaveText(NOT_HERE);
    await passkeys.getByRole('button', { name: /^Remove / }).click();
    await expect(account.locator('ion-alert')).toContainText('Remove passkey?');
    await account.locator('ion-alert').getByRole('button', { name: 'Remove' }).click();
    await expect(passkeys.getByTestId('passkeys-status')).toHaveText(
      /was removed: it no longer signs you in/,
    );
    await expect(passkeys.getByTestId('passkey-list')).toHaveCount(0);
  } finally {
    await elsewhere.close();
  }
  const removed = answerTo(page, 'WEB_AUTHN');
  await choice.passkey.click();
  expect((await removed).status()).toBe(400);
  await expect(choice.alert).toHaveText(PASSKEY_REFUSED);
  // A new sign-in is no longer offered the passkey.
  await page.goto(`${e2e.passkeyUrl}/sign-in`);
  await continueAs(page, e2e.user.username);
  expect(await choice.offered()).toEqual(['Email me a code', 'password']);
});

test('an emailed code: a wrong one and one from an earlier email are refused, an expired one too; the right one signs in', async ({
  page,
  e2e,
}) => {
  const { cognitoDataDir } = e2e.stack;
  const inbox = (notThis?: string) => sentSignInCode(e2e.stack, e2e.user.username, notThis);
  const codePage = page.locator('app-email-code');
  const code = codePage.locator('ion-input[name=code] input');
  const codeError = codePage.locator('ion-input[name=code].ion-invalid .error-text');
  const alert = codePage.locator('form > [role=alert]');
  const send = () => codePage.getByRole('button', { name: 'Sign in', exact: true }).click();

  await page.goto(`${e2e.app.url}/timers`);
  await continueAs(page, e2e.user.username);
  await choicePage(page).emailCode.click();
  await expect(page).toHaveURL(/\/sign-in\/email-code\?returnUrl=%2Ftimers$/);
  await expect(codePage).toContainText(`If an account uses ${e2e.user.username}, we emailed it`);
  const first = await inbox();
  expect(first).toMatch(/^\d{8}$/);
  await code.fill(first === '00000000' ? '11111111' : '00000000');
  await send();
  await expect(codeError).toHaveText(
    'That code is not right. Check the email, or send a new code.',
  );
  await expect(code).toBeFocused();
  await code.fill(first);
  await send();
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  // The code of the earlier email does not sign in again.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await continueAs(page, e2e.user.username);
  await choicePage(page).emailCode.click();
  const second = await inbox(first);
  await code.fill(first);
  await send();
  await expect(codeError).toHaveText(
    'That code is not right. Check the email, or send a new code.',
  );

  // Past the 3 minutes (the local Cognito's clock moved on), the right code no longer works.
  setLocalClock(cognitoDataDir, 181);
  try {
    await code.fill(second);
    await send();
    await expect(alert).toHaveText(
      'This code can no longer be used: it has expired, or too many wrong codes were tried. Send a new code.',
    );
  } finally {
    resetLocalClock(cognitoDataDir);
  }
  await codePage.getByRole('button', { name: 'Send a new code' }).click();
  await expect(codePage.getByTestId('resend-status')).toHaveText(
    'If an account uses this address, we emailed it a new code.',
  );
  await expect(alert).toBeEmpty();
  await code.fill(await inbox(second));
  await send();
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
});

test('the choice page offers exactly what the pool allows this user', async ({ page, e2e }) => {
  // This pool allows passkeys and emailed codes: a user without a passkey is offered the code.
  await page.goto(`${e2e.app.url}/sign-in`);
  await continueAs(page, e2e.user.username);
  expect(await choicePage(page).offered()).toEqual(['Email me a code', 'password']);

  // A pool whose only first factor is the password, served to the same app build.
  const pool = await seedPasswordOnlyPool(e2e.stack.urls.cognito, `password-only-${Date.now()}`);
  const app = await serveApp(APP_DIST);
  try {
    app.config = {
      ...e2e.stack.config,
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
    };
    await page.goto(`${app.url}/sign-in`);
    await continueAs(page, pool.credentials.username);
    expect(await choicePage(page).offered()).toEqual(['password']);
    await expect(
      choicePage(page).root.getByRole('link', { name: 'Forgot your password?' }),
    ).toBeVisible();
  } finally {
    await app.close();
  }
});

test('with choice-based sign-in off, username and password on one page sign in as before', async ({
  page,
  e2e,
}) => {
  const app = await serveApp(APP_DIST);
  try {
    app.config = { ...e2e.stack.config, choiceBasedSignIn: false };
    await page.goto(`${app.url}/timers`);
    const signInPage = page.locator('app-sign-in');
    await signInPage.locator('ion-input[name=username] input').fill(e2e.user.username);
    await signInPage.locator('ion-input[name=password] input').fill(e2e.user.password);
    await signInPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(`${app.url}/timers`);
    // Signed in (this origin is not among the API's allowed ones, so the list cannot load here).
    await expect(page.getByTestId('signed-in-as')).toHaveText(`Signed in as ${e2e.user.username}`);
    // No passkeys without choice-based sign-in, through which alone they sign in.
    await page.goto(`${app.url}/account`);
    await expect(page.locator('app-account').getByTestId('totp-status')).toHaveText(/^Off/);
    await expect(page.locator('app-passkeys')).toHaveCount(0);
  } finally {
    await app.close();
  }
});
