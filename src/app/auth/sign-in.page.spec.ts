import { settle } from '../testing';
import {
  cognitoError,
  renderAuthPage,
  showAgain,
  shownError,
  typeInto,
  type FakeAmplify,
} from './auth-testing';
import { SignInPage } from './sign-in.page';

describe('SignInPage', () => {
  let amplify: FakeAmplify;

  async function setup(query: Record<string, string> = {}) {
    const rendered = await renderAuthPage(SignInPage, query);
    amplify = rendered.amplify;
    return rendered;
  }

  async function fillAndSubmit(el: HTMLElement, page: SignInPage, user: string, pw: string) {
    typeInto(el, 'username', user);
    typeInto(el, 'password', pw);
    await page.submit();
  }

  it('signs in with the configured flow and returns to the page the user came from', async () => {
    const { page, el, nav } = await setup({ returnUrl: '/timers/abc' });
    amplify.auth.signIn.and.resolveTo({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    await fillAndSubmit(el, page, ' demo@example.com ', 'pw');
    expect(amplify.auth.signOut).toHaveBeenCalled();
    expect(amplify.auth.signIn).toHaveBeenCalledWith({
      username: 'demo@example.com',
      password: 'pw',
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    });
    expect(nav.navigateByUrl).toHaveBeenCalledWith('/timers/abc', { replaceUrl: true });
  });

  it('goes on to the next step with the returnUrl', async () => {
    const { page, el, nav } = await setup({ returnUrl: '/timers/abc' });
    amplify.auth.signIn.and.resolveTo({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED',
      },
    });
    await fillAndSubmit(el, page, 'new@example.com', 'Temp-1');
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-in/new-password'], {
      queryParams: { returnUrl: '/timers/abc' },
    });
  });

  it('marks empty fields, focuses the first and calls nobody', async () => {
    const { page, fixture, el } = await setup();
    await page.submit();
    await fixture.whenStable();
    expect(amplify.auth.signIn).not.toHaveBeenCalled();
    const username = el.querySelector('ion-input[name=username]')!;
    expect(username.classList).toContain('ion-invalid');
    expect((username as unknown as { errorText: string }).errorText).toBe('Enter your username.');
    expect(el.querySelector('[role=status]')?.textContent).toContain('Check Username, Password.');
  });

  it('shows the same words for a wrong password and an unknown user', async () => {
    const { page, fixture, el } = await setup({ reason: 'expired' });
    for (const name of ['NotAuthorizedException', 'UserNotFoundException']) {
      amplify.auth.signIn.and.rejectWith(cognitoError(name));
      await fillAndSubmit(el, page, 'u', 'bad');
      await fixture.whenStable();
      expect(el.querySelector('[role=alert]')?.textContent).toContain(
        'Wrong username or password.',
      );
    }
    expect(el.textContent).toContain('Your session ended');
  });

  it('keeps an error on screen while the person types (no class rewrite on input)', async () => {
    const { page, fixture, el } = await setup();
    await page.submit();
    typeInto(el, 'password', 'x');
    await settle();
    await fixture.whenStable();
    expect(el.querySelector('ion-input[name=username]')!.classList).toContain('ion-invalid');
    expect(el.querySelector('ion-input[name=password]')!.classList).not.toContain('ion-invalid');
  });

  it('prefills the username after a reset and links to reset with it', async () => {
    const { fixture, el } = await setup({
      username: 'ann@example.com',
      reason: 'password-changed',
    });
    await fixture.whenStable();
    expect(el.textContent).toContain('Sign in with the new one');
    const forgot = el.querySelector<HTMLAnchorElement>('a[href^="/forgot-password"]')!;
    expect(forgot.getAttribute('href')).toBe('/forgot-password?username=ann@example.com');
  });
});

describe('SignInPage shown again by Ionic', () => {
  it('follows the new query: note, username, a fresh form', async () => {
    const { fixture, el, page } = await renderAuthPage(SignInPage);
    typeInto(el, 'username', 'typed-before');
    await page.submit();
    await fixture.whenStable();
    expect(shownError(el, 'password')).toBe('Enter your password.');

    // Ionic reuses this page for /sign-in?username=…&reason=password-changed.
    await showAgain(fixture, { username: 'ann@example.com', reason: 'password-changed' });
    expect(el.textContent).toContain('Sign in with the new one');
    expect(el.querySelector<HTMLIonInputElement>('ion-input[name=username]')!.value).toBe(
      'ann@example.com',
    );
    expect(shownError(el, 'password')).toBeNull();
  });
});

describe('SignInPage with choice-based sign-in', () => {
  async function setup() {
    return renderAuthPage(SignInPage, { returnUrl: '/timers/abc' }, undefined, [], {
      choiceBasedSignIn: true,
    });
  }

  it('asks for the username only, then Cognito for the factors this user may choose', async () => {
    const { amplify, page, el, nav, flow } = await setup();
    expect(el.querySelector('ion-input[name=password]')).toBeNull();
    expect(el.querySelector('ion-button[type=submit]')?.textContent?.trim()).toBe('Continue');
    amplify.auth.signIn.and.resolveTo({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION',
        availableChallenges: ['PASSWORD', 'EMAIL_OTP'],
      },
    });
    typeInto(el, 'username', ' ann@example.com ');
    await page.submit();
    expect(amplify.auth.signIn).toHaveBeenCalledOnceWith({
      username: 'ann@example.com',
      options: { authFlowType: 'USER_AUTH' },
    });
    expect(flow.username()).toBe('ann@example.com');
    expect(flow.choice()?.offer.factors).toEqual(['EMAIL_OTP', 'PASSWORD']);
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-in/choose'], {
      queryParams: { returnUrl: '/timers/abc' },
    });
  });

  it('an empty username is marked, and nothing is sent', async () => {
    const { amplify, page, el, fixture } = await setup();
    await page.submit();
    await fixture.whenStable();
    expect(amplify.auth.signIn).not.toHaveBeenCalled();
    expect(shownError(el, 'username')).toBe('Enter your username.');
    expect(el.querySelector('[role=status]')?.textContent).toContain('Check Username.');
  });
});
