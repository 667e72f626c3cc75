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
  | 'reset-password';

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
};

const WRONG_CODE: Partial<Record<AuthAction, string>> = {
  'sign-in-step': 'That code is not right. Enter the current code from your authenticator app.',
  'confirm-sign-up': 'That code is not right. Check the code in the email and try again.',
  'reset-password': 'That code is not right. Check the code in the email and try again.',
};

export function authProblem(error: unknown, action: AuthAction): AuthProblem {
  const name = (error as { name?: unknown } | null)?.name;
  const detail = String((error as { message?: unknown } | null)?.message ?? '');
  if (error instanceof UnsupportedStepError) return { message: error.message };
  if (name === 'NetworkError' || error instanceof TypeError) return { message: UNREACHABLE };
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
  if (name === 'CodeMismatchException' || name === 'EnableSoftwareTokenMFAException') {
    return { message: WRONG_CODE[action] ?? WRONG_CODE['confirm-sign-up']!, field: 'code' };
  }
  if (name === 'ExpiredCodeException') {
    return action === 'sign-in-step'
      ? { message: 'That code has expired. Enter the current one.', field: 'code' }
      : { message: 'That code has expired. Send a new code and enter it.', field: 'code' };
  }
  // Reset and confirmation must not say whether an account exists either.
  if (
    name === 'UserNotFoundException' &&
    (action === 'reset-password' || action === 'confirm-sign-up')
  ) {
    return { message: WRONG_CODE[action]!, field: 'code' };
  }
  if (name === 'InvalidPasswordException') {
    // Cognito's text names the rule that failed ("Password must have uppercase characters").
    const rule = detail.replace(/^Password did not conform with policy:\s*/i, '').trim();
    return {
      message: `Choose a different password${rule ? `: ${rule.replace(/\.?$/, '.')}` : '.'}`,
      field: 'password',
    };
  }
  if (name === 'UsernameExistsException' || name === 'AliasExistsException') {
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
  if (action === 'confirm-sign-up' && name === 'NotAuthorizedException') {
    return { message: 'This account is already confirmed. Sign in.' };
  }
  return { message: detail ? `${FALLBACK[action]}: ${detail}` : `${FALLBACK[action]}.` };
}
