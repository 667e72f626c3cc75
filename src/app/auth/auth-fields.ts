// Each kind of field the sign-in steps ask for, defined once as a Signal Forms schema (its label
// and its rule): a page's form applies the ones it shows. Cognito has the last word on every
// value; these rules only catch a slip before the call.
import {
  apply,
  applyWhen,
  schema,
  validate,
  type LogicFn,
  type Schema,
  type SchemaPathTree,
} from '@angular/forms/signals';
import { label } from '../ui/form-status';

/** The rule of a field that must hold more than spaces; `missing` says so. */
function required(missing: string): Schema<string> {
  return schema<string>((path) => {
    validate(path, ({ value }) =>
      value().trim() ? undefined : { kind: 'required', message: missing },
    );
  });
}

/** A field called `name` that must hold more than spaces. */
function filled(name: string, missing: string): Schema<string> {
  return schema<string>((path) => {
    label(path, name);
    apply(path, required(missing));
  });
}

export const USERNAME = filled('Username', 'Enter your username.');
const PASSWORD_LABEL = 'Password';
const PASSWORD_MISSING = 'Enter your password.';
export const PASSWORD = filled(PASSWORD_LABEL, PASSWORD_MISSING);

/**
 * The password where it is one way to sign in among others: always labelled, required only
 * `when` the person signs in with it.
 */
export function passwordWhen(when: LogicFn<string, boolean>): Schema<string> {
  return schema<string>((path) => {
    label(path, PASSWORD_LABEL);
    applyWhen(path, when, required(PASSWORD_MISSING));
  });
}
export const EMAIL_CODE = filled('Code', 'Enter the code from the email.');

/** The username at sign-up: an email address, enough of one to catch a slip. */
export const EMAIL = schema<string>((path) => {
  label(path, 'Email');
  validate(path, ({ value }) => {
    const email = value().trim();
    if (!email) return { kind: 'required', message: 'Enter your email address.' };
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      return { kind: 'email', message: 'Enter an email address, such as name@example.com.' };
    }
    return undefined;
  });
});

/** What Cognito takes from what was typed: authenticator apps show six digits, often "123 456". */
export function totpDigits(typed: string): string {
  return typed.replace(/\s/g, '');
}

/** Six digits from an authenticator app, spaces aside. */
export const TOTP_CODE = schema<string>((path) => {
  label(path, 'Code');
  validate(path, ({ value }) => {
    const code = totpDigits(value());
    if (!code) {
      return { kind: 'required', message: 'Enter the 6-digit code from your authenticator app.' };
    }
    if (!/^\d{6}$/.test(code)) {
      return { kind: 'pattern', message: 'The code is 6 digits, such as 123456.' };
    }
    return undefined;
  });
});

/**
 * A new password, replacing one the person had, typed twice (with `samePasswords`). The pool's own
 * policy (length, character classes) is Cognito's to check: its InvalidPasswordException names
 * the failing rule, shown on the password field.
 */
export const NEW_PASSWORD = filled('New password', 'Enter a new password.');
export const REPEAT_NEW_PASSWORD = filled('Repeat new password', 'Enter the new password again.');

/** The password of a new account, typed twice (with `samePasswords`). */
export const FIRST_PASSWORD = filled('Password', 'Choose a password.');
export const REPEAT_PASSWORD = filled('Repeat password', 'Enter the new password again.');

/**
 * The rule across a password pair: the repeat must be the password to the letter. Apply it after
 * the fields' own rules, which a field shows first.
 */
export function samePasswords(pair: SchemaPathTree<{ password: string; repeat: string }>): void {
  validate(pair.repeat, ({ value, valueOf }) =>
    value() === valueOf(pair.password)
      ? undefined
      : { kind: 'mismatch', message: 'The two passwords are not the same.' },
  );
}
