import { authProblem, SESSION_ENDED, UnsupportedStepError, WRONG_CREDENTIALS } from './auth-errors';
import { cognitoError } from './auth-testing';

describe('authProblem', () => {
  it('reads a wrong password and an unknown user the same at sign-in', () => {
    const messages = ['NotAuthorizedException', 'UserNotFoundException', 'InvalidPasswordException']
      .map((name) => authProblem(cognitoError(name, `detail of ${name}`), 'sign-in'))
      .map((p) => p.message);
    expect(new Set(messages)).toEqual(new Set([WRONG_CREDENTIALS]));
  });

  it('puts a wrong or expired code on the code field, in words for the step', () => {
    expect(authProblem(cognitoError('CodeMismatchException'), 'confirm-sign-up')).toEqual({
      field: 'code',
      message: 'That code is not right. Check the code in the email and try again.',
    });
    expect(authProblem(cognitoError('CodeMismatchException'), 'sign-in-step').message).toContain(
      'authenticator app',
    );
    expect(authProblem(cognitoError('ExpiredCodeException'), 'reset-password')).toEqual({
      field: 'code',
      message: 'That code has expired. Send a new code and enter it.',
    });
  });

  it('names the password rule Cognito refused, on the password field', () => {
    const e = cognitoError(
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have uppercase characters',
    );
    expect(authProblem(e, 'sign-up')).toEqual({
      field: 'password',
      message: 'Choose a different password: Password must have uppercase characters.',
    });
    expect(
      authProblem(cognitoError('InvalidPasswordException', ''), 'reset-password').message,
    ).toBe('Choose a different password.');
  });

  it('says an account exists at sign-up, on the email field', () => {
    expect(authProblem(cognitoError('UsernameExistsException'), 'sign-up')).toEqual({
      field: 'username',
      message: 'An account with this email already exists. Sign in, or reset its password.',
    });
  });

  it('asks to wait after too many attempts, whatever the step', () => {
    for (const name of ['LimitExceededException', 'TooManyRequestsException']) {
      for (const action of ['sign-in', 'resend-code', 'reset-password'] as const) {
        expect(authProblem(cognitoError(name), action).message).toBe(
          'Too many attempts. Wait a few minutes, then try again.',
        );
      }
    }
  });

  it('does not tell who has an account when a reset or confirmation names an unknown user', () => {
    expect(authProblem(cognitoError('UserNotFoundException'), 'reset-password').field).toBe('code');
    expect(authProblem(cognitoError('UserNotFoundException'), 'confirm-sign-up').field).toBe(
      'code',
    );
  });

  it('says a step session ended, and that the service is unreachable', () => {
    expect(authProblem(cognitoError('NotAuthorizedException'), 'sign-in-step').message).toBe(
      SESSION_ENDED,
    );
    expect(authProblem(cognitoError('SignInException'), 'sign-in-step').message).toBe(
      SESSION_ENDED,
    );
    expect(authProblem(new TypeError('Failed to fetch'), 'sign-up').message).toContain(
      'could not be reached',
    );
  });

  it("keeps an unsupported step's advice and falls back to Cognito's own words", () => {
    expect(authProblem(new UnsupportedStepError('Use TOTP.'), 'sign-in')).toEqual({
      message: 'Use TOTP.',
    });
    expect(authProblem(cognitoError('InternalErrorException', 'Boom'), 'sign-up')).toEqual({
      message: 'The account could not be created: Boom',
    });
  });
});
