import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { apply, form, type Schema } from '@angular/forms/signals';
import { LABEL } from '../ui/form-status';
import {
  EMAIL,
  EMAIL_CODE,
  FIRST_PASSWORD,
  NEW_PASSWORD,
  PASSWORD,
  REPEAT_NEW_PASSWORD,
  REPEAT_PASSWORD,
  samePasswords,
  TOTP_CODE,
  totpDigits,
  USERNAME,
} from './auth-fields';

/** One field under this schema in a real form: its label, and what it says of each value. */
function field(rules: Schema<string>) {
  const model = signal({ value: '' });
  const tree = TestBed.runInInjectionContext(() => form(model, (f) => apply(f.value, rules)));
  return {
    label: tree.value().metadata(LABEL)?.(),
    verdicts: (values: string[]): Record<string, string | undefined> =>
      Object.fromEntries(
        values.map((v) => {
          model.set({ value: v });
          return [v, tree.value().errors()[0]?.message];
        }),
      ),
  };
}

describe('auth fields', () => {
  it('asks for anything but spaces in the plain fields, each in its own words', () => {
    const cases: [Schema<string>, string, string][] = [
      [USERNAME, 'Username', 'Enter your username.'],
      [PASSWORD, 'Password', 'Enter your password.'],
      [EMAIL_CODE, 'Code', 'Enter the code from the email.'],
      [NEW_PASSWORD, 'New password', 'Enter a new password.'],
      [REPEAT_NEW_PASSWORD, 'Repeat new password', 'Enter the new password again.'],
      [FIRST_PASSWORD, 'Password', 'Choose a password.'],
      [REPEAT_PASSWORD, 'Repeat password', 'Enter the new password again.'],
    ];
    for (const [rules, label, missing] of cases) {
      const { label: named, verdicts } = field(rules);
      expect(named).toBe(label);
      expect(verdicts(['', '  ', 'x', ' ann '])).toEqual({
        '': missing,
        '  ': missing,
        x: undefined,
        ' ann ': undefined,
      });
    }
  });

  it('takes an email address with a dot after the @, spaces around it aside', () => {
    const { label, verdicts } = field(EMAIL);
    expect(label).toBe('Email');
    const malformed = 'Enter an email address, such as name@example.com.';
    expect(
      verdicts(['', ' ', 'ann', 'ann@example', 'a nn@example.com', ' ann@example.com ']),
    ).toEqual({
      '': 'Enter your email address.',
      ' ': 'Enter your email address.',
      ann: malformed,
      'ann@example': malformed,
      'a nn@example.com': malformed,
      ' ann@example.com ': undefined,
    });
  });

  it('takes six digits from an authenticator app, spaces aside', () => {
    const { label, verdicts } = field(TOTP_CODE);
    expect(label).toBe('Code');
    const shape = 'The code is 6 digits, such as 123456.';
    expect(verdicts(['', ' ', '12345', '1234567', '12ab56', '123 456', '123456'])).toEqual({
      '': 'Enter the 6-digit code from your authenticator app.',
      ' ': 'Enter the 6-digit code from your authenticator app.',
      '12345': shape,
      '1234567': shape,
      '12ab56': shape,
      '123 456': undefined,
      '123456': undefined,
    });
    expect(totpDigits(' 123 456 ')).toBe('123456');
  });

  it('wants the repeat to be the password to the letter', () => {
    const model = signal({ password: '', repeat: '' });
    const pair = TestBed.runInInjectionContext(() => form(model, samePasswords));
    const said = (password: string, repeat: string) => {
      model.set({ password, repeat });
      return pair
        .repeat()
        .errors()
        .map((e) => e.message);
    };
    const differ = ['The two passwords are not the same.'];
    expect(said('Chosen-1!', 'Chosen-1!')).toEqual([]);
    expect(said('Chosen-1!', 'Chosen-2!')).toEqual(differ);
    expect(said('Chosen-1!', 'Chosen-1! ')).toEqual(differ);
    expect(said('', 'Chosen-1!')).toEqual(differ);
    expect(pair.password().errors()).toEqual([]);
  });
});
