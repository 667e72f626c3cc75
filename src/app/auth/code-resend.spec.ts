import { AuthForm } from './auth-form';
import { cognitoError } from './auth-testing';
import { CodeResend } from './code-resend';

describe('CodeResend', () => {
  function setup(check: (username: string) => string | undefined = () => undefined) {
    const form = new AuthForm(
      {
        fields: ['username', 'code'],
        labels: { username: 'Email', code: 'Code' },
        rules: () => ({}),
      },
      document.createElement('div'),
    );
    const send = jasmine.createSpy<(username: string) => Promise<string | undefined>>('send');
    return { form, send, resend: new CodeResend(form, { check, send, failed: 'resend-code' }) };
  }

  it("checks the username first and reports its problem as that field's", async () => {
    const { form, send, resend } = setup((u) => (u ? undefined : 'Enter your email address.'));
    await resend.run();
    expect(send).not.toHaveBeenCalled();
    expect(form.errors().username).toBe('Enter your email address.');
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
