import { TestBed } from '@angular/core/testing';
import { cognitoError, renderAuthPage, typeInto } from './auth-testing';
import { NewPasswordPage } from './new-password.page';
import { SignInFlow, STEP_SESSION_MS } from './sign-in-flow';

describe('NewPasswordPage', () => {
  const setup = () =>
    renderAuthPage(NewPasswordPage, { returnUrl: '/timers/new' }, (flow) => {
      flow.username.set('new@example.com');
      flow.open('new-password');
    });

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
    const { amplify, page, el, errorOf } = await setup();
    typeInto(el, 'password', 'Chosen-1!');
    typeInto(el, 'repeat', 'Chosen-2!');
    const repeat = el.querySelector<HTMLIonInputElement>('ion-input[name=repeat]')!;
    const focus = spyOn(repeat, 'setFocus').and.resolveTo();
    await page.submit();
    expect(amplify.steps.confirmSignIn).not.toHaveBeenCalled();
    expect(focus).toHaveBeenCalled();
    expect(await errorOf('repeat')).toBe('The two passwords are not the same.');
  });

  it("hears each field's own rule before the rule across the two", async () => {
    const { amplify, page, el, errorOf } = await setup();
    typeInto(el, 'password', 'Chosen-1!');
    await page.submit();
    expect(await errorOf('repeat')).toBe('Enter the new password again.');
    typeInto(el, 'password', '');
    typeInto(el, 'repeat', 'Chosen-1!');
    await page.submit();
    expect(await errorOf('password')).toBe('Enter a new password.');
    expect(await errorOf('repeat')).toBe('The two passwords are not the same.');
    expect(amplify.steps.confirmSignIn).not.toHaveBeenCalled();
    amplify.steps.confirmSignIn.and.resolveTo({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
    typeInto(el, 'password', 'Chosen-1!');
    expect(await errorOf('repeat')).toBeNull();
    await page.submit();
    expect(amplify.steps.confirmSignIn).toHaveBeenCalledWith({ challengeResponse: 'Chosen-1!' });
  });

  it("shows the pool's password rule on the password field", async () => {
    const { amplify, page, el, errorOf } = await setup();
    amplify.steps.confirmSignIn.and.rejectWith(
      cognitoError(
        'InvalidPasswordException',
        'Password did not conform with policy: Password not long enough',
      ),
    );
    typeInto(el, 'password', 'short');
    typeInto(el, 'repeat', 'short');
    await page.submit();
    expect(await errorOf('password')).toBe('Choose a stronger password: it is too short.');
    expect(el.querySelector('ion-input[name=password]')!.classList).toContain('ion-invalid');
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

  it('opened without its step (a reload after 3 minutes, another tab) says so, with no fields', async () => {
    const { el } = await renderAuthPage(NewPasswordPage);
    expect(el.querySelector('[data-testid=step-ended]')?.textContent).toContain(
      'Please sign in again.',
    );
    expect(el.querySelector('ion-input')).toBeNull();
    expect(el.querySelector('ion-button[type=submit]')).toBeNull();
  });

  it('a step opened for TOTP is not this one', async () => {
    const { el } = await renderAuthPage(NewPasswordPage, {}, (flow) => flow.open('totp'));
    expect(el.querySelector('[data-testid=step-ended]')).not.toBeNull();
  });

  it('a reload within the 3 minutes keeps the step and whom it is for; past them it ends', async () => {
    const now = spyOn(Date, 'now').and.callThrough();
    const { el, page, fixture } = await renderAuthPage(NewPasswordPage, {}, (flow) => {
      flow.username.set('new@example.com');
      // Opened 3 minutes less 150 ms ago.
      now.and.returnValue(new Date().getTime() - STEP_SESSION_MS + 150);
      flow.open('new-password');
      now.and.callThrough();
    });
    expect(page.open()).toBeTrue();
    expect(el.textContent).toContain('new@example.com');
    // A new SignInFlow, as after a reload, reads from the tab whom the open step is for.
    expect(TestBed.runInInjectionContext(() => new SignInFlow()).username()).toBe(
      'new@example.com',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fixture.whenStable();
    expect(page.open()).toBeFalse();
    expect(el.querySelector('[data-testid=step-ended]')).not.toBeNull();
    expect(el.querySelector('ion-input')).toBeNull();
  });
});
