import { EMAIL, EMAIL_CODE } from './auth-fields';
import { AuthForm } from './auth-form';
import { cognitoError } from './auth-testing';
import { CodeResend } from './code-resend';

describe('CodeResend', () => {
  function setup() {
    const form = new AuthForm({ username: EMAIL, code: EMAIL_CODE }, document.createElement('div'));
    const send = jasmine.createSpy<(username: string) => Promise<string | undefined>>('send');
    return { form, send, resend: new CodeResend(form, { send, failed: 'resend-code' }) };
  }

  it("checks the username by its field's rule first, its problem shown on that field", async () => {
    const { form, send, resend } = setup();
    form.values.set({ username: 'ann', code: '123456' });
    await resend.run();
    expect(send).not.toHaveBeenCalled();
    expect(form.errors().username).toBe('Enter an email address, such as name@example.com.');
    expect(form.summary()).toBe('Check Email.');
  });

  it('sends to the trimmed username and says where the code went', async () => {
    const { form, send, resend } = setup();
    form.values.set({ username: ' ann@example.com ', code: '' });
    send.and.resolveTo(undefined);
    await resend.run();
    expect(send).toHaveBeenCalledWith('ann@example.com');
    expect(resend.status()).toBe('A new code was sent.');
    send.and.resolveTo('a***@e***');
    await resend.run();
    expect(resend.status()).toBe('A new code was sent to a***@e***.');
  });

  it('sends one at a time', async () => {
    const { form, send, resend } = setup();
    form.values.set({ username: 'ann@example.com', code: '' });
    let sent!: () => void;
    send.and.returnValue(new Promise((resolve) => (sent = () => resolve(undefined))));
    const first = resend.run();
    expect(resend.busy()).toBeTrue();
    await resend.run();
    expect(send).toHaveBeenCalledTimes(1);
    sent();
    await first;
    expect(resend.busy()).toBeFalse();
  });

  it('shows a failure in words and clears the last status', async () => {
    const { form, send, resend } = setup();
    form.values.set({ username: 'ann@example.com', code: '' });
    send.and.resolveTo('a***@e***');
    await resend.run();
    send.and.rejectWith(cognitoError('LimitExceededException'));
    await resend.run();
    expect(resend.status()).toBe('');
    expect(form.failure()).toContain('Too many attempts.');
  });

  it('forgets where the last code went once the form is submitted or shown afresh', async () => {
    const { form, send, resend } = setup();
    form.values.set({ username: 'ann@example.com', code: '' });
    send.and.resolveTo('a***@e***');
    await resend.run();
    expect(resend.status()).toBe('A new code was sent to a***@e***.');
    await form.submit(async () => undefined, 'confirm-sign-up');
    expect(resend.status()).toBe('');

    await resend.run();
    expect(resend.status()).toBe('A new code was sent to a***@e***.');
    form.reset({ username: 'bob@example.com' });
    expect(resend.status()).toBe('');
  });
});
