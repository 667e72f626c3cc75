import { TestBed } from '@angular/core/testing';
import { UnsupportedStepError } from './auth-errors';
import { authTestingProviders, fakeAmplify, spyOnNavigation } from './auth-testing';
import {
  SignInFlow,
  STEP_SESSION_MS,
  type NextSignInStep,
  type TotpSetupDetails,
} from './sign-in-flow';

describe('SignInFlow', () => {
  function setup() {
    const amplify = fakeAmplify();
    TestBed.configureTestingModule({ providers: authTestingProviders(amplify) });
    const flow = TestBed.inject(SignInFlow);
    flow.username.set('ann@example.com');
    return { amplify, flow, nav: spyOnNavigation() };
  }

  it('signed in: goes to the returnUrl (only a local one), replacing the step page', async () => {
    const { flow, nav } = setup();
    await flow.follow({ signInStep: 'DONE' }, '/timers/abc');
    expect(nav.navigateByUrl).toHaveBeenCalledWith('/timers/abc', { replaceUrl: true });
    await flow.follow({ signInStep: 'DONE' }, '//evil.example');
    expect(nav.navigateByUrl).toHaveBeenCalledWith('/timers', { replaceUrl: true });
  });

  it('sends each step to its page, carrying the returnUrl', async () => {
    const { flow, nav } = setup();
    const pages: [NextSignInStep, string][] = [
      [{ signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED' }, '/sign-in/new-password'],
      [{ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' }, '/sign-in/totp'],
    ];
    for (const [step, page] of pages) {
      await flow.follow(step, '/timers/new');
      expect(nav.navigate).toHaveBeenCalledWith([page], {
        queryParams: { returnUrl: '/timers/new' },
      });
    }
    await flow.follow({ signInStep: 'CONFIRM_SIGN_UP' }, null);
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-up/confirm'], {
      queryParams: { username: 'ann@example.com', reason: 'unconfirmed' },
    });
    await flow.follow({ signInStep: 'RESET_PASSWORD' }, null);
    expect(nav.navigate).toHaveBeenCalledWith(['/forgot-password'], {
      queryParams: { username: 'ann@example.com', reason: 'required' },
    });
  });

  it('keeps the TOTP setup details for the setup page', async () => {
    const { flow, nav } = setup();
    const details: TotpSetupDetails = {
      sharedSecret: 'SECRET',
      getSetupUri: () => new URL('otpauth://totp/x'),
    };
    await flow.follow(
      { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP', totpSetupDetails: details },
      null,
    );
    expect(flow.totpSetup()).toBe(details);
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-in/totp-setup'], { queryParams: {} });
  });

  it('chooses TOTP when the pool offers a choice that includes it', async () => {
    const { flow, amplify, nav } = setup();
    amplify.steps.confirmSignIn.and.resolveTo({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' },
    });
    await flow.follow(
      { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: ['SMS', 'TOTP'] },
      null,
    );
    expect(amplify.steps.confirmSignIn).toHaveBeenCalledWith({ challengeResponse: 'TOTP' });
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-in/totp'], { queryParams: {} });
  });

  it('says plainly which step it cannot offer', async () => {
    const { flow } = setup();
    await expectAsync(
      flow.follow(
        {
          signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
        } as NextSignInStep,
        null,
      ),
    ).toBeRejectedWith(jasmine.any(UnsupportedStepError));
    await expectAsync(
      flow.follow(
        { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: ['SMS'] },
        null,
      ),
    ).toBeRejectedWithError(UnsupportedStepError, /CONTINUE_SIGN_IN_WITH_MFA_SELECTION/);
  });

  it('shows the first factors Cognito offered on the choice page, and keeps them in the tab', async () => {
    sessionStorage.clear();
    const { flow, nav } = setup();
    await flow.follow(
      {
        signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION',
        availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'],
      },
      '/timers/new',
    );
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-in/choose'], {
      queryParams: { returnUrl: '/timers/new' },
    });
    const choice = flow.choice()!;
    expect(choice.offer).toEqual({ factors: ['EMAIL_OTP', 'PASSWORD'], password: 'PASSWORD_SRP' });
    expect(choice.waiting).toBe('SELECT_CHALLENGE');
    expect(flow.openNow('choose')).toBeTrue();
    // A reload of the tab finds them again.
    const reloaded = TestBed.runInInjectionContext(() => new SignInFlow());
    expect(reloaded.choice()).toEqual(choice);
    expect(reloaded.username()).toBe('ann@example.com');

    flow.spendChoice();
    expect(flow.choice()?.waiting).toBeNull();
    await flow.follow({ signInStep: 'DONE' }, null);
    expect(flow.choice()).toBeNull();
    expect(flow.openNow('choose')).toBeFalse();
    expect(TestBed.runInInjectionContext(() => new SignInFlow()).choice()).toBeNull();
  });

  it('a password Cognito asks for itself is the choice page with the password only', async () => {
    sessionStorage.clear();
    const { flow, nav } = setup();
    await flow.follow({ signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD' }, null);
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-in/choose'], { queryParams: {} });
    expect(flow.choice()?.offer.factors).toEqual(['PASSWORD']);
    expect(flow.choice()?.waiting).toBe('PASSWORD');
  });

  it('an emailed code is its page, open in this tab for 3 minutes', async () => {
    sessionStorage.clear();
    jasmine.clock().install();
    try {
      jasmine.clock().mockDate(new Date(2030, 0, 1));
      const { flow, nav } = setup();
      expect(flow.openNow('email-code')).toBeFalse();
      await flow.follow(
        {
          signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
          codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***' },
        },
        null,
      );
      expect(nav.navigate).toHaveBeenCalledWith(['/sign-in/email-code'], { queryParams: {} });
      expect(flow.openNow('email-code')).toBeTrue();
      jasmine.clock().tick(STEP_SESSION_MS + 1);
      expect(flow.openNow('email-code')).toBeFalse();
    } finally {
      jasmine.clock().uninstall();
    }
  });
});
