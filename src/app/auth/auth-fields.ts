// Each kind of field the sign-in steps ask for, defined once: a page's form names the ones it
// shows. Cognito has the last word on every value; these rules only catch a slip before the call.
import type { AuthField, Problems, Values } from './auth-form';

/** A field that must hold more than spaces. */
function filled(label: string, missing: string): AuthField {
  return { label, rule: (value) => (value.trim() ? undefined : missing) };
}

export const USERNAME = filled('Username', 'Enter your username.');
export const PASSWORD = filled('Password', 'Enter your password.');
export const EMAIL_CODE = filled('Code', 'Enter the code from the email.');

/** The username at sign-up: an email address, enough of one to catch a slip. */
export const EMAIL: AuthField = {
  label: 'Email',
  rule: (value) => {
    const email = value.trim();
    if (!email) return 'Enter your email address.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      return 'Enter an email address, such as name@example.com.';
    }
    return undefined;
  },
};

/** What Cognito takes from what was typed: authenticator apps show six digits, often "123 456". */
export function totpDigits(typed: string): string {
  return typed.replace(/\s/g, '');
}

/** Six digits from an authenticator app, spaces aside. */
export const TOTP_CODE: AuthField = {
  label: 'Code',
  rule: (value) => {
    const code = totpDigits(value);
    if (!code) return 'Enter the 6-digit code from your authenticator app.';
    if (!/^\d{6}$/.test(code)) return 'The code is 6 digits, such as 123456.';
    return undefined;
  },
};

/**
 * A new password typed twice, replacing one the person had. The pool's own policy (length,
 * character classes) is Cognito's to check: its InvalidPasswordException names the failing rule,
 * shown on the password field. Use with `samePasswords`.
 */
export const NEW_PASSWORDS = {
  password: filled('New password', 'Enter a new password.'),
  repeat: filled('Repeat new password', 'Enter the new password again.'),
};

/** The password of a new account, typed twice; use with `samePasswords`. */
export const FIRST_PASSWORDS = {
  password: filled('Password', 'Choose a password.'),
  repeat: filled('Repeat password', 'Enter the new password again.'),
};

/** The rule across a password pair: the repeat must be the password to the letter. */
export function samePasswords(values: Values<'password' | 'repeat'>): Problems<'repeat'> {
  return values.repeat === values.password ? {} : { repeat: 'The two passwords are not the same.' };
}
