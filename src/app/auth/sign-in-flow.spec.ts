import { TestBed } from '@angular/core/testing';
import { UnsupportedStepError } from './auth-errors';
import { authTestingProviders, fakeAmplify, spyOnNavigation } from './auth-testing';
import { SignInFlow, type NextSignInStep, type TotpSetupDetails } from './sign-in-flow';

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
});
