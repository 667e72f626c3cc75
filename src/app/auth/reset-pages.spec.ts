import { EMAIL_CODE_REFUSED } from './auth-errors';
import { cognitoError, renderAuthPage, typeInto } from './auth-testing';
import { ForgotPasswordPage } from './forgot-password.page';
import { ResetPasswordPage } from './reset-password.page';

const SENT = {
  isPasswordReset: false,
  nextStep: {
    resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE',
    codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***' },
  },
} as const;

describe('password reset pages', () => {
  it('sends a code and goes to the second half, the same for an unknown user', async () => {
    const { amplify, page, nav } = await renderAuthPage(ForgotPasswordPage, {
      username: 'ann@example.com',
    });
    amplify.steps.resetPassword.and.resolveTo(SENT);
    await page.submit();
    expect(amplify.steps.resetPassword).toHaveBeenCalledWith({ username: 'ann@example.com' });
    amplify.steps.resetPassword.and.rejectWith(cognitoError('UserNotFoundException'));
    await page.submit();
    // Twice the same page, never where the code went: that would tell who has an account.
    expect(nav.navigate.calls.allArgs()).toEqual([
      [['/forgot-password/confirm'], { queryParams: { username: 'ann@example.com' } }],
      [['/forgot-password/confirm'], { queryParams: { username: 'ann@example.com' } }],
    ]);
  });

  it('says why a reset is required, and asks to wait after too many', async () => {
    const { amplify, page, el, fixture } = await renderAuthPage(ForgotPasswordPage, {
      username: 'ann@example.com',
      reason: 'required',
    });
    expect(el.textContent).toContain('must be reset');
    amplify.steps.resetPassword.and.rejectWith(cognitoError('LimitExceededException'));
    await page.submit();
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Too many attempts.');
  });

  it('changes the password with the code and sends the person to sign in', async () => {
    const { amplify, page, el, nav } = await renderAuthPage(ResetPasswordPage, {
      username: 'ann@example.com',
    });
    amplify.steps.confirmResetPassword.and.resolveTo();
    typeInto(el, 'code', '123456');
    typeInto(el, 'password', 'New-Passw0rd!');
    typeInto(el, 'repeat', 'New-Passw0rd!');
    await page.submit();
    expect(amplify.steps.confirmResetPassword).toHaveBeenCalledWith({
      username: 'ann@example.com',
      confirmationCode: '123456',
      newPassword: 'New-Passw0rd!',
    });
    expect(nav.navigate).toHaveBeenCalledWith(['/sign-in'], {
      queryParams: { username: 'ann@example.com', reason: 'password-changed' },
      replaceUrl: true,
    });
  });

  it('marks a wrong code and a refused password on their fields', async () => {
    const { amplify, page, el, errorOf } = await renderAuthPage(ResetPasswordPage, {
      username: 'ann@example.com',
    });
    typeInto(el, 'code', '123456');
    typeInto(el, 'password', 'weak');
    typeInto(el, 'repeat', 'weak');
    amplify.steps.confirmResetPassword.and.rejectWith(cognitoError('CodeMismatchException'));
    await page.submit();
    expect(await errorOf('code')).toBe(EMAIL_CODE_REFUSED);
    typeInto(el, 'code', '654321');
    amplify.steps.confirmResetPassword.and.rejectWith(
      cognitoError(
        'InvalidPasswordException',
        'Password did not conform with policy: Password must have numeric characters',
      ),
    );
    await page.submit();
    expect(await errorOf('code')).toBeNull();
    expect(await errorOf('password')).toBe('Choose a stronger password: add a number.');
  });

  it('refuses a submit naming the failing fields in their order, focusing the first', async () => {
    const { amplify, page, el, fixture } = await renderAuthPage(ResetPasswordPage, {
      username: 'ann',
    });
    typeInto(el, 'password', 'a');
    typeInto(el, 'repeat', 'b');
    const code = el.querySelector<HTMLIonInputElement>('ion-input[name=code]')!;
    const focus = spyOn(code, 'setFocus').and.resolveTo();
    await page.submit();
    await fixture.whenStable();
    expect(amplify.steps.confirmResetPassword).not.toHaveBeenCalled();
    expect(el.querySelector('form > [role=status]')?.textContent).toBe(
      'Check Code, Repeat new password.',
    );
    expect(focus).toHaveBeenCalled();
  });

  it('resends a code, answering an unknown user the same way', async () => {
    const { amplify, page, fixture, el } = await renderAuthPage(ResetPasswordPage, {
      username: 'x@example.com',
    });
    const said: (string | undefined)[] = [];
    for (const answer of [cognitoError('UserNotFoundException'), undefined]) {
      if (answer) amplify.steps.resetPassword.and.rejectWith(answer);
      else amplify.steps.resetPassword.and.resolveTo(SENT);
      await page.resend.run();
      await fixture.whenStable();
      said.push(el.querySelector('[data-testid=resend-status]')?.textContent);
    }
    expect(said).toEqual([
      'If an account exists for this username, we emailed it a new code.',
      'If an account exists for this username, we emailed it a new code.',
    ]);
    expect(el.textContent).not.toContain('a***@e***');
  });
});
