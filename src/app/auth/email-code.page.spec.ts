import type { SignInOutput } from 'aws-amplify/auth';
import { STEP_ENDED } from './auth-errors';
import { cognitoError, renderAuthPage, typeInto } from './auth-testing';
import { EmailCodePage } from './email-code.page';
import { EMAIL_CODE_ENDED, EMAIL_CODE_WRONG } from './passwordless-errors';
import type { SignInFlow } from './sign-in-flow';

const CODE_SENT: SignInOutput = {
  isSignedIn: false,
  nextStep: {
    signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
    codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***' },
  },
};

describe('EmailCodePage', () => {
  async function setup(open = true) {
    const before = (flow: SignInFlow) => {
      flow.username.set('ann@example.com');
      if (open) flow.open('email-code');
    };
    const rendered = await renderAuthPage(EmailCodePage, { returnUrl: '/timers/abc' }, before);
    const { el, fixture } = rendered;
    const alert = () => el.querySelector('form > [role=alert]')?.textContent?.trim();
    const enter = async (code: string) => {
      typeInto(el, 'code', code);
      await rendered.page.submit();
      await fixture.whenStable();
    };
    return { ...rendered, alert, enter };
  }

  it('says a code went to the address only if it has an account, and never where else', async () => {
    const { el } = await setup();
    expect(el.textContent).toContain(
      'If an account uses ann@example.com, we emailed it a sign-in code. It works once, within 3 minutes.',
    );
    expect(el.textContent).not.toContain('a***@e***');
  });

  it('the right code (spaces aside) signs in and goes on to the returnUrl', async () => {
    const { amplify, enter, nav } = await setup();
    amplify.steps.confirmSignIn.and.resolveTo({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
    await enter(' 1234 5678 ');
    expect(amplify.steps.confirmSignIn).toHaveBeenCalledOnceWith({ challengeResponse: '12345678' });
    expect(nav.navigateByUrl).toHaveBeenCalledWith('/timers/abc', { replaceUrl: true });
  });

  it('a wrong code on the field; one that can no longer be used, with what to do', async () => {
    const { amplify, enter, errorOf, alert } = await setup();
    amplify.steps.confirmSignIn.and.rejectWith(cognitoError('CodeMismatchException', 'raw'));
    await enter('00000000');
    expect(await errorOf('code')).toBe(EMAIL_CODE_WRONG);
    amplify.steps.confirmSignIn.and.rejectWith(
      cognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
    );
    await enter('12345678');
    expect(alert()).toBe(EMAIL_CODE_ENDED);
  });

  it('"Send a new code" starts a sign-in that prefers an emailed code, and says so', async () => {
    const { amplify, page, el, fixture, alert, enter } = await setup();
    amplify.steps.confirmSignIn.and.rejectWith(cognitoError('NotAuthorizedException'));
    await enter('12345678');
    amplify.auth.signIn.and.resolveTo(CODE_SENT);
    await page.resend.run();
    await fixture.whenStable();
    expect(amplify.auth.signIn).toHaveBeenCalledOnceWith({
      username: 'ann@example.com',
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
    });
    expect(alert()).toBe('');
    expect(el.querySelector('[data-testid=resend-status]')?.textContent).toBe(
      'If an account uses this address, we emailed it a new code.',
    );
  });

  it('opened without a code on its way, it says so, with no field and no button', async () => {
    const { el } = await setup(false);
    expect(el.querySelector('[data-testid=step-ended]')?.textContent).toBe(STEP_ENDED);
    expect(el.querySelector('ion-input')).toBeNull();
    expect(el.querySelector('ion-button')).toBeNull();
  });
});
