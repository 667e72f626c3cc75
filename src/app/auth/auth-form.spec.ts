import { EMAIL_CODE, NEW_PASSWORDS, samePasswords, USERNAME } from './auth-fields';
import { AuthForm } from './auth-form';

describe('AuthForm', () => {
  function setup() {
    const host = document.createElement('div');
    for (const name of ['username', 'code', 'password', 'repeat']) {
      host.appendChild(Object.assign(document.createElement('input'), { name })).dataset['field'] =
        name;
    }
    document.body.appendChild(host);
    const fields = { username: USERNAME, code: EMAIL_CODE, ...NEW_PASSWORDS };
    return { host, form: new AuthForm(fields, host, samePasswords) };
  }
  afterEach(() => document.body.replaceChildren());

  it("hears each field's own rule before the rule across fields", () => {
    const { form } = setup();
    form.values.set({ username: 'ann', code: '1', password: 'Chosen-1!', repeat: '' });
    expect(form.errors()).toEqual({ repeat: 'Enter the new password again.' });
    form.values.update((v) => ({ ...v, password: '', repeat: 'Chosen-1!' }));
    expect(form.errors()).toEqual({
      password: 'Enter a new password.',
      repeat: 'The two passwords are not the same.',
    });
    form.values.update((v) => ({ ...v, password: 'Chosen-1!' }));
    expect(form.errors()).toEqual({});
  });

  it('refuses a submit naming the failing fields in their order, focusing the first', async () => {
    const { host, form } = setup();
    form.values.set({ username: 'ann', code: '', password: 'a', repeat: 'b' });
    const action = jasmine.createSpy('action');
    expect(await form.submit(action, 'reset-password')).toBeFalse();
    expect(action).not.toHaveBeenCalled();
    expect(form.summary()).toBe('Check Code, Repeat new password.');
    expect(document.activeElement).toBe(host.querySelector('[data-field=code]'));
  });

  it("tells a field's own problem with a value, the one it holds by default", () => {
    const { form } = setup();
    expect(form.problemOf('username')).toBe('Enter your username.');
    expect(form.problemOf('username', 'ann')).toBeUndefined();
    expect(form.label('repeat')).toBe('Repeat new password');
  });
});
