import { EMAIL_CODE_REFUSED } from './auth-errors';
import { cognitoError, renderAuthPage, typeInto } from './auth-testing';
import { ConfirmSignUpPage } from './confirm-sign-up.page';
import { SignUpPage } from './sign-up.page';

describe('sign-up pages', () => {
  it('signs up with the email as username and auto sign-in, then asks for the code', async () => {
    const { amplify, page, el, nav } = await renderAuthPage(SignUpPage, {
      returnUrl: '/timers/new',
    });
    amplify.steps.signUp.and.resolveTo({
      isSignUpComplete: false,
      nextStep: {
        signUpStep: 'CONFIRM_SIGN_UP',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***' },
      },
    });
    typeInto(el, 'username', ' ann@example.com ');
    typeInto(el, 'password', 'Passw0rd!');
    typeInto(el, 'repeat', 'Passw0rd!');
    await page.submit();
    expect(amplify.steps.signUp).toHaveBeenCalledWith({
      username: 'ann@example.com',
      password: 'Passw0rd!',
      options: {
        userAttributes: { email: 'ann@example.com' },
        autoSignIn: { authFlowType: 'USER_PASSWORD_AUTH' },
      },
    });
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-up/confirm'], {
      queryParams: { returnUrl: '/timers/new', username: 'ann@example.com' },
    });
  });

  it('marks a malformed email; an address with an account goes on as a new one would', async () => {
    const { amplify, page, el, nav, errorOf } = await renderAuthPage(SignUpPage);
    typeInto(el, 'username', 'ann');
    await page.submit();
    expect(await errorOf('username')).toBe('Enter an email address, such as name@example.com.');
    expect(await errorOf('password')).toBe('Choose a password.');
    expect(amplify.steps.signUp).not.toHaveBeenCalled();

    amplify.steps.signUp.and.rejectWith(cognitoError('UsernameExistsException'));
    typeInto(el, 'username', 'ann@example.com');
    typeInto(el, 'password', 'Passw0rd!');
    typeInto(el, 'repeat', 'Passw0rd!');
    await page.submit();
    expect(await errorOf('username')).toBeNull();
    expect(el.querySelector('form > [role=alert]')?.textContent).toBe('');
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-up/confirm'], {
      queryParams: { username: 'ann@example.com' },
    });
  });

  it('confirms, signs in automatically and goes on', async () => {
    const { amplify, page, el, nav } = await renderAuthPage(ConfirmSignUpPage, {
      username: 'ann@example.com',
      returnUrl: '/timers/new',
    });
    amplify.steps.confirmSignUp.and.resolveTo({
      isSignUpComplete: true,
      nextStep: { signUpStep: 'COMPLETE_AUTO_SIGN_IN' },
    });
    amplify.steps.autoSignIn.and.resolveTo({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    typeInto(el, 'code', ' 123456 ');
    await page.submit();
    expect(amplify.steps.confirmSignUp).toHaveBeenCalledWith({
      username: 'ann@example.com',
      confirmationCode: '123456',
    });
    expect(nav.navigateByUrl).toHaveBeenCalledWith('/timers/new', { replaceUrl: true });
  });

  it('after a reload (no auto sign-in) sends the person to sign in, confirmed', async () => {
    const { amplify, page, el, nav } = await renderAuthPage(ConfirmSignUpPage, {
      username: 'ann@example.com',
    });
    amplify.steps.confirmSignUp.and.resolveTo({
      isSignUpComplete: true,
      nextStep: { signUpStep: 'DONE' },
    });
    typeInto(el, 'code', '123456');
    await page.submit();
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-in'], {
      queryParams: { username: 'ann@example.com', reason: 'confirmed' },
      replaceUrl: true,
    });
  });

  it('maps wrong and expired codes, and an account already confirmed, onto the code field', async () => {
    const { amplify, page, el, errorOf } = await renderAuthPage(ConfirmSignUpPage, {
      username: 'ann@example.com',
    });
    for (const name of ['ExpiredCodeException', 'NotAuthorizedException']) {
      amplify.steps.confirmSignUp.and.rejectWith(cognitoError(name));
      typeInto(el, 'code', '123456');
      await page.submit();
      expect(await errorOf('code')).toBe(EMAIL_CODE_REFUSED);
    }
  });

  it('resends the code and says so alike for every account, or why not', async () => {
    const { amplify, page, fixture, el } = await renderAuthPage(ConfirmSignUpPage, {
      username: 'ann@example.com',
      reason: 'unconfirmed',
    });
    expect(el.textContent).toContain('not confirmed yet');
    amplify.steps.resendSignUpCode.and.resolveTo({
      deliveryMedium: 'EMAIL',
      destination: 'a***@e***',
    });
    await page.resend.run();
    await fixture.whenStable();
    expect(amplify.steps.resendSignUpCode).toHaveBeenCalledWith({ username: 'ann@example.com' });
    const sent = 'If this address is waiting for confirmation, we emailed it a new code.';
    expect(el.querySelector('[data-testid=resend-status]')?.textContent).toBe(sent);
    amplify.steps.resendSignUpCode.and.rejectWith(
      cognitoError('InvalidParameterException', 'User is already confirmed.'),
    );
    await page.resend.run();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=resend-status]')?.textContent).toBe(sent);

    amplify.steps.resendSignUpCode.and.rejectWith(cognitoError('LimitExceededException'));
    await page.resend.run();
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Too many attempts.');
    expect(el.querySelector('[data-testid=resend-status]')?.textContent).toBe('');
  });
});
