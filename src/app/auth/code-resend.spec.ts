import { EMAIL, EMAIL_CODE } from './auth-fields';
import { AuthForm } from './auth-form';
import { cognitoError } from './auth-testing';
import { CodeResend } from './code-resend';

describe('CodeResend', () => {
  function setup() {
    const form = new AuthForm({ username: EMAIL, code: EMAIL_CODE }, document.createElement('div'));
    const send = jasmine.createSpy<(username: string) => Promise<void>>('send');
    const spec = { send, sent: 'A new code was sent.', failed: 'resend-code' } as const;
    return { form, send, resend: new CodeResend(form, spec) };
  }

  it("checks the username by its field's rule first, its problem shown on that field", async () => {
    const { form, send, resend } = setup();
    form.values.set({ username: 'ann', code: '123456' });
    await resend.run();
    expect(send).not.toHaveBeenCalled();
    expect(form.errors().username).toBe('Enter an email address, such as name@example.com.');
    expect(form.summary()).toBe('Check Email.');
  });

  it('sends to the trimmed username and says it was sent, as the only status line', async () => {
    const { form, send, resend } = setup();
    form.values.set({ username: ' ann@example.com ', code: '' });
    form.report({ field: 'code', message: 'That code is not right.' });
    expect(form.summary()).toBe('Check Code.');
    send.and.resolveTo();
    await resend.run();
    expect(send).toHaveBeenCalledWith('ann@example.com');
    expect(resend.status()).toBe('A new code was sent.');
    expect(form.summary()).toBe('');
    expect(form.failure()).toBeNull();
  });

  it('sends one at a time', async () => {
    const { form, send, resend } = setup();
    form.values.set({ username: 'ann@example.com', code: '' });
    let sent!: () => void;
    send.and.returnValue(new Promise((resolve) => (sent = () => resolve())));
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
    send.and.resolveTo();
    await resend.run();
    send.and.rejectWith(cognitoError('LimitExceededException'));
    await resend.run();
    expect(resend.status()).toBe('');
    expect(form.failure()).toContain('Too many attempts.');
  });

  it('forgets the last send once the form is submitted or shown afresh', async () => {
    const { form, send, resend } = setup();
    form.values.set({ username: 'ann@example.com', code: '' });
    send.and.resolveTo();
    await resend.run();
    expect(resend.status()).toBe('A new code was sent.');
    await form.submit(async () => undefined, 'confirm-sign-up');
    expect(resend.status()).toBe('');

    await resend.run();
    expect(resend.status()).toBe('A new code was sent.');
    form.reset({ username: 'bob@example.com' });
    expect(resend.status()).toBe('');
  });
});
