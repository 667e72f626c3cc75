import { cognitoError, renderAuthPage, shownError, showAgain, typeInto } from './auth-testing';
import { ConfirmSignUpPage } from './confirm-sign-up.page';

/** "Send a new code" as the confirm page offers it, the page's query able to change. */
describe('CodeResend', () => {
  const SENT = 'If this address is waiting for confirmation, we emailed it a new code.';

  async function setup() {
    const { amplify, fixture, el, page } = await renderAuthPage(ConfirmSignUpPage);
    const send = amplify.steps.resendSignUpCode;
    const resend = async () => {
      await page.resend.run();
      await fixture.whenStable();
    };
    const text = (selector: string) => el.querySelector(selector)?.textContent ?? null;
    return { amplify, fixture, el, page, send, resend, text };
  }

  it("checks the username by its field's rule first, its problem shown on that field", async () => {
    const { el, send, resend, text } = await setup();
    typeInto(el, 'username', 'ann');
    typeInto(el, 'code', '123456');
    const username = el.querySelector<HTMLIonInputElement>('ion-input[name=username]')!;
    const focus = spyOn(username, 'setFocus').and.resolveTo();
    await resend();
    expect(send).not.toHaveBeenCalled();
    expect(shownError(el, 'username')).toBe('Enter an email address, such as name@example.com.');
    expect(shownError(el, 'code')).toBeNull();
    expect(text('form > [role=status]')).toBe('Check Email.');
    expect(focus).toHaveBeenCalled();
  });

  it('sends to the trimmed username and says it was sent, as the only status line', async () => {
    const { amplify, fixture, el, page, send, resend, text } = await setup();
    typeInto(el, 'username', ' ann@example.com ');
    typeInto(el, 'code', '000000');
    amplify.steps.confirmSignUp.and.rejectWith(cognitoError('CodeMismatchException'));
    await page.submit();
    await fixture.whenStable();
    expect(text('form > [role=status]')).toBe('Check Code.');
    send.and.resolveTo({ deliveryMedium: 'EMAIL', destination: 'a***@e***' });
    await resend();
    expect(send).toHaveBeenCalledWith({ username: 'ann@example.com' });
    expect(text('[data-testid=resend-status]')).toBe(SENT);
    expect(text('form > [role=status]')).toBe('');
    expect(text('form > [role=alert]')).toBe('');
  });

  it('sends one at a time', async () => {
    const { el, page, send } = await setup();
    typeInto(el, 'username', 'ann@example.com');
    let sent!: () => void;
    send.and.returnValue(new Promise((resolve) => (sent = () => resolve({}))));
    const first = page.resend.run();
    expect(page.resend.busy()).toBeTrue();
    await page.resend.run();
    expect(send).toHaveBeenCalledTimes(1);
    sent();
    await first;
    expect(page.resend.busy()).toBeFalse();
  });

  it('shows a failure in words and clears the last status', async () => {
    const { el, send, resend, text } = await setup();
    typeInto(el, 'username', 'ann@example.com');
    send.and.resolveTo({});
    await resend();
    expect(text('[data-testid=resend-status]')).toBe(SENT);
    send.and.rejectWith(cognitoError('LimitExceededException'));
    await resend();
    expect(text('[data-testid=resend-status]')).toBe('');
    expect(text('form > [role=alert]')).toContain('Too many attempts.');
  });

  it('forgets the last send once the form is submitted or shown afresh', async () => {
    const { amplify, fixture, el, page, send, resend, text } = await setup();
    typeInto(el, 'username', 'ann@example.com');
    typeInto(el, 'code', '123456');
    send.and.resolveTo({});
    await resend();
    expect(text('[data-testid=resend-status]')).toBe(SENT);
    amplify.steps.confirmSignUp.and.rejectWith(cognitoError('CodeMismatchException'));
    await page.submit();
    await fixture.whenStable();
    expect(text('[data-testid=resend-status]')).toBe('');

    await resend();
    expect(text('[data-testid=resend-status]')).toBe(SENT);
    await showAgain(fixture, { username: 'bob@example.com' });
    expect(text('[data-testid=resend-status]')).toBe('');
    expect(el.querySelector<HTMLIonInputElement>('ion-input[name=username]')!.value).toBe(
      'bob@example.com',
    );
  });
});
