import { cognitoError, renderAuthPage, typeInto } from './auth-testing';
import { NewPasswordPage } from './new-password.page';

describe('NewPasswordPage', () => {
  const setup = () =>
    renderAuthPage(NewPasswordPage, { returnUrl: '/timers/new' }, (flow) =>
      flow.username.set('new@example.com'),
    );

  it('names the account, sends the new password and goes on signed in', async () => {
    const { amplify, page, el, nav } = await setup();
    expect(el.textContent).toContain('new@example.com');
    amplify.steps.confirmSignIn.and.resolveTo({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
    typeInto(el, 'password', 'Chosen-1!');
    typeInto(el, 'repeat', 'Chosen-1!');
    await page.submit();
    expect(amplify.steps.confirmSignIn).toHaveBeenCalledWith({ challengeResponse: 'Chosen-1!' });
    expect(nav.navigateByUrl).toHaveBeenCalledWith('/timers/new', { replaceUrl: true });
  });

  it('refuses two different passwords without calling Cognito, focusing the repeat', async () => {
    const { amplify, page, el, fixture } = await setup();
    typeInto(el, 'password', 'Chosen-1!');
    typeInto(el, 'repeat', 'Chosen-2!');
    const repeat = el.querySelector<HTMLElement & { setFocus(): Promise<void> }>(
      '[data-field=repeat]',
    )!;
    const focus = spyOn(repeat, 'setFocus').and.resolveTo();
    await page.submit();
    await fixture.whenStable();
    expect(amplify.steps.confirmSignIn).not.toHaveBeenCalled();
    expect(focus).toHaveBeenCalled();
    expect(page.form.errorOf('repeat')).toBe('The two passwords are not the same.');
  });

  it("shows the pool's password rule on the password field", async () => {
    const { amplify, page, el, fixture } = await setup();
    amplify.steps.confirmSignIn.and.rejectWith(
      cognitoError(
        'InvalidPasswordException',
        'Password did not conform with policy: Password not long enough',
      ),
    );
    typeInto(el, 'password', 'short');
    typeInto(el, 'repeat', 'short');
    await page.submit();
    await fixture.whenStable();
    expect(page.form.errorOf('password')).toBe(
      'Choose a different password: Password not long enough.',
    );
    expect(el.querySelector('[data-field=password]')!.classList).toContain('ion-invalid');
  });

  it('says to start again when Amplify no longer holds the sign-in', async () => {
    const { amplify, page, el, fixture } = await setup();
    amplify.steps.confirmSignIn.and.rejectWith(cognitoError('SignInException', 'no sign-in'));
    typeInto(el, 'password', 'Chosen-1!');
    typeInto(el, 'repeat', 'Chosen-1!');
    await page.submit();
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Please sign in again.');
  });
});
