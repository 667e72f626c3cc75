import { passwordlessProblem, type PasswordlessAction } from './passwordless-errors';

/**
 * What went wrong in a sign-in step, in plain words, from the error Amplify threw. Amplify names
 * its errors after Cognito's exceptions, listed per action in the Cognito API reference
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Operations.html).
 */
export type AuthAction =
  | 'sign-in'
  | 'sign-in-step'
  | 'sign-up'
  | 'confirm-sign-up'
  | 'resend-code'
  | 'forgot-password'
  | 'reset-password'
  | 'account'
  | PasswordlessAction;

/** The form field a problem belongs to, when it belongs to one. */
export type AuthField = 'username' | 'password' | 'code';

export interface AuthProblem {
  message: string;
  field?: AuthField;
}

/** A step Cognito asks for that this app has no page for; its message says what to do. */
export class UnsupportedStepError extends Error {
  override readonly name = 'UnsupportedStepError';
}

export const WRONG_CREDENTIALS = 'Wrong username or password.';
export const SESSION_ENDED = 'This sign-in took too long. Please sign in again.';
/** A step page opened without its step: said when the page loads, before any typing. */
export const STEP_ENDED =
  'This sign-in has ended: each step stays open for 3 minutes, in the tab where it began. ' +
  'Please sign in again.';
const TOO_MANY = 'Too many attempts. Wait a few minutes, then try again.';
const UNREACHABLE =
  'The sign-in service could not be reached. Check your connection and try again.';

const FALLBACK: Record<AuthAction, string> = {
  'sign-in': 'Sign-in failed',
  'sign-in-step': 'Sign-in failed',
  'sign-up': 'The account could not be created',
  'confirm-sign-up': 'The account could not be confirmed',
  'resend-code': 'No new code could be sent',
  'forgot-password': 'No code could be sent',
  'reset-password': 'The password could not be changed',
  account: 'The authenticator app setting could not be read or changed',
  'passkey-sign-in': 'Signing in with the passkey failed',
  'passkey-add': 'The passkey could not be added',
  passkeys: 'Your passkeys could not be read or changed',
  'email-code': 'Sign-in failed',
};

/**
 * The password policy's rules, as Cognito names the one a password broke, in plain words
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html).
 */
const PASSWORD_RULES: readonly [RegExp, string][] = [
  [/not long enough/i, 'it is too short.'],
  [/uppercase/i, 'add a capital letter.'],
  [/lowercase/i, 'add a small letter.'],
  [/numeric/i, 'add a number.'],
  [/symbol/i, 'add a symbol, such as ! or -.'],
];

/**
 * A wrong, expired or unusable emailed code, in one message: for an unknown account, an account
 * already confirmed and a real mistake alike, so the code field never tells who has an account.
 */
export const EMAIL_CODE_REFUSED =
  'That code is not right or has expired. Check the email, or send a new code.';

/** The exceptions an emailed code is refused with, whatever the reason behind them. */
const CODE_REFUSALS = new Set([
  'CodeMismatchException',
  'ExpiredCodeException',
  'UserNotFoundException',
  'NotAuthorizedException',
]);

/**
 * What to tell a person of a failed Cognito call, from the error Amplify threw. Cognito's own text
 * is never shown (it can be a local emulator's, or name an account); a failure the table does not
 * know is logged for developers and read as "try again".
 */
export function authProblem(error: unknown, action: AuthAction): AuthProblem {
  const name = (error as { name?: unknown } | null)?.name;
  const detail = String((error as { message?: unknown } | null)?.message ?? '');
  if (error instanceof UnsupportedStepError) return { message: error.message };
  if (name === 'NetworkError' || error instanceof TypeError) return { message: UNREACHABLE };
  const passwordless = passwordlessProblem(String(name), action);
  if (passwordless) return passwordless;
  switch (name) {
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return { message: TOO_MANY };
    case 'CodeDeliveryFailureException':
      return { message: 'The code could not be sent. Try again later.' };
  }
  if (action === 'sign-in') {
    // A wrong password and an unknown user read the same, so the form never says who has an
    // account. cognito-local answers a wrong password with InvalidPasswordException.
    if (
      name === 'NotAuthorizedException' ||
      name === 'UserNotFoundException' ||
      name === 'InvalidPasswordException'
    ) {
      return { message: WRONG_CREDENTIALS };
    }
  }
  if (action === 'confirm-sign-up' || action === 'reset-password') {
    if (CODE_REFUSALS.has(String(name))) return { message: EMAIL_CODE_REFUSED, field: 'code' };
  }
  if (name === 'CodeMismatchException' || name === 'EnableSoftwareTokenMFAException') {
    return {
      message: 'That code is not right. Enter the current code from your authenticator app.',
      field: 'code',
    };
  }
  if (name === 'ExpiredCodeException') {
    return { message: 'That code has expired. Enter the current one.', field: 'code' };
  }
  if (name === 'InvalidPasswordException') {
    // Cognito's text names the rule that failed ("…: Password must have uppercase characters").
    const rule = PASSWORD_RULES.find(([pattern]) => pattern.test(detail))?.[1];
    return {
      message: rule
        ? `Choose a stronger password: ${rule}`
        : 'Choose a different password: this one does not meet the account rules.',
      field: 'password',
    };
  }
  if (name === 'AliasExistsException') {
    // Only after the code that went to the address: whoever reads this can read its email.
    return {
      message: 'An account with this email already exists. Sign in, or reset its password.',
      field: 'username',
    };
  }
  if (
    action === 'sign-in-step' &&
    (name === 'NotAuthorizedException' || name === 'SignInException')
  ) {
    // Cognito's challenge session lasts 3 minutes; Amplify keeps the sign-in in memory only.
    return { message: SESSION_ENDED };
  }
  console.error(`${FALLBACK[action]}:`, error);
  return { message: `${FALLBACK[action]}. Try again in a moment.` };
}
