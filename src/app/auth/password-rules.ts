import { required, type Problems, type Values } from './auth-form';

/**
 * A new password typed twice. The pool's own policy (length, character classes) is Cognito's to
 * check: its InvalidPasswordException names the failing rule, shown on the password field.
 */
export function newPasswordRules(
  values: Values<'password' | 'repeat'>,
): Problems<'password' | 'repeat'> {
  const problems = required(values, {
    password: 'Enter a new password.',
    repeat: 'Enter the new password again.',
  });
  if (!problems.repeat && values.repeat !== values.password) {
    problems.repeat = 'The two passwords are not the same.';
  }
  return problems;
}
