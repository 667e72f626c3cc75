import {
  EMAIL,
  EMAIL_CODE,
  FIRST_PASSWORDS,
  NEW_PASSWORDS,
  PASSWORD,
  samePasswords,
  TOTP_CODE,
  totpDigits,
  USERNAME,
} from './auth-fields';
import type { AuthField } from './auth-form';

/** What each field says of each value: a message, or undefined where it will do. */
function verdicts(field: AuthField, values: string[]): Record<string, string | undefined> {
  return Object.fromEntries(values.map((v) => [v, field.rule(v)]));
}

describe('auth fields', () => {
  it('asks for anything but spaces in the plain fields, each in its own words', () => {
    const cases: [AuthField, string, string][] = [
      [USERNAME, 'Username', 'Enter your username.'],
      [PASSWORD, 'Password', 'Enter your password.'],
      [EMAIL_CODE, 'Code', 'Enter the code from the email.'],
      [NEW_PASSWORDS.password, 'New password', 'Enter a new password.'],
      [NEW_PASSWORDS.repeat, 'Repeat new password', 'Enter the new password again.'],
      [FIRST_PASSWORDS.password, 'Password', 'Choose a password.'],
      [FIRST_PASSWORDS.repeat, 'Repeat password', 'Enter the new password again.'],
    ];
    for (const [field, label, missing] of cases) {
      expect(field.label).toBe(label);
      expect(verdicts(field, ['', '  ', 'x', ' ann '])).toEqual({
        '': missing,
        '  ': missing,
        x: undefined,
        ' ann ': undefined,
      });
    }
  });

  it('takes an email address with a dot after the @, spaces around it aside', () => {
    expect(EMAIL.label).toBe('Email');
    const malformed = 'Enter an email address, such as name@example.com.';
    expect(
      verdicts(EMAIL, ['', ' ', 'ann', 'ann@example', 'a nn@example.com', ' ann@example.com ']),
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
    expect(TOTP_CODE.label).toBe('Code');
    const shape = 'The code is 6 digits, such as 123456.';
    expect(
      verdicts(TOTP_CODE, ['', ' ', '12345', '1234567', '12ab56', '123 456', '123456']),
    ).toEqual({
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
    const differ = { repeat: 'The two passwords are not the same.' };
    expect(samePasswords({ password: 'Chosen-1!', repeat: 'Chosen-1!' })).toEqual({});
    expect(samePasswords({ password: 'Chosen-1!', repeat: 'Chosen-2!' })).toEqual(differ);
    expect(samePasswords({ password: 'Chosen-1!', repeat: 'Chosen-1! ' })).toEqual(differ);
    expect(samePasswords({ password: '', repeat: 'Chosen-1!' })).toEqual(differ);
  });
});
