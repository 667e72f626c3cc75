import type { SignInOutput } from 'aws-amplify/auth';
import { STEP_ENDED, WRONG_CREDENTIALS } from './auth-errors';
import { cognitoError, renderAuthPage, shownError, typeInto } from './auth-testing';
import { factorOffer, PASSKEYS_NOT_HERE, PASSKEYS_WORK_HERE } from './first-factors';
import { NO_PASSKEY_USED, PASSKEY_REFUSED } from './passwordless-errors';
import type { FactorChoice, SignInFlow } from './sign-in-flow';
import { SignInChoicePage } from './sign-in-choice.page';

const DONE: SignInOutput = { isSignedIn: true, nextStep: { signInStep: 'DONE' } };

/** What a confirmSignIn call answered. */
const answerOf = (input: unknown) => (input as { challengeResponse: string }).challengeResponse;

describe('SignInChoicePage', () => {
  /** The page over what Cognito offered `ann@example.com` (its session waiting, by default). */
  async function setup(
    available: string[] | null,
    options: { waiting?: FactorChoice['waiting']; until?: number; passkeysHere?: boolean } = {},
  ) {
    const before = (flow: SignInFlow) => {
      if (!available) return;
      flow.username.set('ann@example.com');
      flow.choice.set({
        offer: factorOffer(available),
        waiting: options.waiting === undefined ? 'SELECT_CHALLENGE' : options.waiting,
        until: options.until ?? Date.now() + 60_000,
      });
    };
    const rendered = await renderAuthPage(SignInChoicePage, { returnUrl: '/timers/abc' }, before, [
      { provide: PASSKEYS_WORK_HERE, useValue: options.passkeysHere ?? true },
    ]);
    const { el, fixture } = rendered;
    const buttons = () =>
      [...el.querySelectorAll('ion-button')].map((b) => b.textContent?.trim() ?? '');
    const press = async (name: string) => {
      const button = [...el.querySelectorAll<HTMLElement>('ion-button')].find(
        (b) => b.textContent?.trim() === name,
      );
      if (!button) throw new Error(`no button "${name}" in ${buttons().join(', ')}`);
      button.click();
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    const alert = () => el.querySelector('form > [role=alert]')?.textContent?.trim();
    return { ...rendered, buttons, press, alert };
  }

  it('offers exactly the factors Cognito offered, passwordless first', async () => {
    const all = await setup(['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']);
    expect(all.buttons()).toEqual([
      'Sign in with a passkey',
      'Email me a code',
      'Sign in with password',
    ]);
    // Labelled before any choice, though required only once the password is chosen.
    const password = all.el.querySelector<HTMLIonInputElement>('ion-input[name=password]')!;
    expect(password.label).toBe('Password');
    expect(all.el.textContent).toContain('Signing in as ann@example.com.');
    expect(all.el.querySelector('a[href^="/forgot-password"]')?.getAttribute('href')).toBe(
      '/forgot-password?returnUrl=%2Ftimers%2Fabc&username=ann@example.com',
    );
  });

  it('a password-only offer shows the password alone, with no passkey or code', async () => {
    const { buttons, el } = await setup(['PASSWORD']);
    expect(buttons()).toEqual(['Sign in with password']);
    expect(el.textContent).not.toContain('Or with your password');
  });

  it('a passkey-and-code offer has no password field and no submit button', async () => {
    const { buttons, el } = await setup(['WEB_AUTHN', 'EMAIL_OTP']);
    expect(buttons()).toEqual(['Sign in with a passkey', 'Email me a code']);
    expect(el.querySelector('ion-input')).toBeNull();
    expect(el.querySelector('a[href^="/forgot-password"]')).toBeNull();
  });

  it('names a passkey it cannot use here instead of a button that could only fail', async () => {
    const { buttons, el } = await setup(['WEB_AUTHN', 'PASSWORD'], { passkeysHere: false });
    expect(buttons()).toEqual(['Sign in with password']);
    expect(el.querySelector('[data-testid=passkeys-not-here]')?.textContent).toBe(
      PASSKEYS_NOT_HERE,
    );
  });

  it('an offer of nothing the app runs says so', async () => {
    const { buttons, el } = await setup(['SMS_OTP']);
    expect(buttons()).toEqual([]);
    expect(el.querySelector('[data-testid=no-factor]')?.textContent).toContain(
      'signs in in a way this app does not offer',
    );
  });

  it('opened without a sign-in in progress, it says so and offers nothing', async () => {
    const { buttons, el } = await setup(null);
    expect(buttons()).toEqual([]);
    expect(el.querySelector('[data-testid=step-ended]')?.textContent).toBe(STEP_ENDED);
  });

  it('a passkey: chosen in the open session, signed in, on to the returnUrl', async () => {
    const { amplify, press, nav } = await setup(['WEB_AUTHN', 'PASSWORD']);
    amplify.steps.confirmSignIn.and.resolveTo(DONE);
    await press('Sign in with a passkey');
    expect(amplify.steps.confirmSignIn).toHaveBeenCalledOnceWith({
      challengeResponse: 'WEB_AUTHN',
    });
    expect(amplify.auth.signIn).not.toHaveBeenCalled();
    expect(nav.navigateByUrl).toHaveBeenCalledWith('/timers/abc', { replaceUrl: true });
  });

  it('the password goes with the choice, by SRP where Cognito offers it', async () => {
    const { amplify, page, el, fixture } = await setup(['PASSWORD', 'PASSWORD_SRP']);
    amplify.steps.confirmSignIn.and.callFake(async (input) =>
      answerOf(input) === 'PASSWORD_SRP'
        ? { isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD' } }
        : DONE,
    );
    typeInto(el, 'password', 'Secret-Passw0rd!');
    await page.choose('PASSWORD');
    await fixture.whenStable();
    expect(amplify.steps.confirmSignIn.calls.allArgs()).toEqual([
      [{ challengeResponse: 'PASSWORD_SRP' }],
      [{ challengeResponse: 'Secret-Passw0rd!' }],
    ]);
  });

  it('no password typed: marked and focused, nothing sent; another factor needs none', async () => {
    const { amplify, page, el, fixture, press } = await setup(['EMAIL_OTP', 'PASSWORD']);
    await page.choose('PASSWORD');
    await fixture.whenStable();
    expect(shownError(el, 'password')).toBe('Enter your password.');
    expect(amplify.steps.confirmSignIn).not.toHaveBeenCalled();
    amplify.steps.confirmSignIn.and.resolveTo({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***' },
      },
    });
    await press('Email me a code');
    expect(amplify.steps.confirmSignIn).toHaveBeenCalledOnceWith({
      challengeResponse: 'EMAIL_OTP',
    });
    expect(shownError(el, 'password')).toBeNull();
  });

  it('after a failed factor the next choice starts a new sign-in that prefers it', async () => {
    const { amplify, press, alert, nav } = await setup(['WEB_AUTHN', 'EMAIL_OTP', 'PASSWORD']);
    amplify.steps.confirmSignIn.and.rejectWith(cognitoError('PasskeyAuthenticationCanceled'));
    await press('Sign in with a passkey');
    expect(alert()).toBe(NO_PASSKEY_USED);

    amplify.auth.signIn.and.resolveTo({
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***' },
      },
    });
    await press('Email me a code');
    expect(amplify.steps.confirmSignIn).toHaveBeenCalledTimes(1);
    expect(amplify.auth.signIn).toHaveBeenCalledOnceWith({
      username: 'ann@example.com',
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
    });
    expect(alert()).toBe('');
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-in/email-code'], {
      queryParams: { returnUrl: '/timers/abc' },
    });
  });

  it('a wrong password reads as at the one-page sign-in; the next try sends it afresh', async () => {
    const { amplify, page, el, fixture, alert } = await setup(['PASSWORD']);
    amplify.steps.confirmSignIn.and.callFake(async (input) => {
      if (answerOf(input) === 'PASSWORD') {
        return { isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD' } };
      }
      throw cognitoError('NotAuthorizedException', 'Incorrect username or password.');
    });
    typeInto(el, 'password', 'wrong');
    await page.choose('PASSWORD');
    await fixture.whenStable();
    expect(alert()).toBe(WRONG_CREDENTIALS);

    amplify.auth.signIn.and.resolveTo(DONE);
    typeInto(el, 'password', 'Right-Passw0rd!');
    await page.choose('PASSWORD');
    expect(amplify.auth.signIn).toHaveBeenCalledOnceWith({
      username: 'ann@example.com',
      password: 'Right-Passw0rd!',
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD' },
    });
  });

  it('past Cognito’s 3 minutes, a choice starts a new sign-in at once', async () => {
    const { amplify, press } = await setup(['WEB_AUTHN'], { until: Date.now() - 1 });
    amplify.auth.signIn.and.rejectWith(cognitoError('NotAuthorizedException'));
    await press('Sign in with a passkey');
    expect(amplify.steps.confirmSignIn).not.toHaveBeenCalled();
    expect(amplify.auth.signIn).toHaveBeenCalledOnceWith({
      username: 'ann@example.com',
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' },
    });
  });

  it('a passkey Cognito refuses (removed, or another site’s) is said so', async () => {
    const { amplify, press, alert } = await setup(['WEB_AUTHN', 'PASSWORD']);
    amplify.steps.confirmSignIn.and.rejectWith(
      cognitoError('NotAuthorizedException', 'The passkey could not be verified.'),
    );
    await press('Sign in with a passkey');
    expect(alert()).toBe(PASSKEY_REFUSED);
  });

  it('a password Cognito asked for itself is answered directly', async () => {
    const { amplify, page, el, fixture } = await setup(['PASSWORD'], { waiting: 'PASSWORD' });
    amplify.steps.confirmSignIn.and.resolveTo(DONE);
    typeInto(el, 'password', 'Right-Passw0rd!');
    await page.choose('PASSWORD');
    await fixture.whenStable();
    expect(amplify.steps.confirmSignIn).toHaveBeenCalledOnceWith({
      challengeResponse: 'Right-Passw0rd!',
    });
  });
});
