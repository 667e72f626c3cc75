import {
  authProblem,
  EMAIL_CODE_REFUSED,
  SESSION_ENDED,
  UnsupportedStepError,
  WRONG_CREDENTIALS,
} from './auth-errors';
import { cognitoError } from './auth-testing';
import {
  EMAIL_CODE_ENDED,
  EMAIL_CODE_WRONG,
  NO_PASSKEY_ADDED,
  NO_PASSKEY_USED,
  PASSKEY_REFUSED,
  PASSKEYS_UNSUPPORTED,
  WRONG_ADDRESS,
} from './passwordless-errors';

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
      message: EMAIL_CODE_REFUSED,
    });
    expect(authProblem(cognitoError('CodeMismatchException'), 'sign-in-step').message).toContain(
      'authenticator app',
    );
    expect(authProblem(cognitoError('ExpiredCodeException'), 'sign-in-step').message).toBe(
      'That code has expired. Enter the current one.',
    );
  });

  it('names the password rule Cognito refused, on the password field', () => {
    const e = cognitoError(
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have uppercase characters',
    );
    expect(authProblem(e, 'sign-up')).toEqual({
      field: 'password',
      message: 'Choose a stronger password: add a capital letter.',
    });
    const rules: [string, string][] = [
      ['Password not long enough', 'it is too short.'],
      ['Password must have lowercase characters', 'add a small letter.'],
      ['Password must have numeric characters', 'add a number.'],
      ['Password must have symbol characters', 'add a symbol, such as ! or -.'],
    ];
    for (const [rule, words] of rules) {
      const refused = cognitoError('InvalidPasswordException', `…policy: ${rule}`);
      expect(authProblem(refused, 'reset-password').message).toBe(
        `Choose a stronger password: ${words}`,
      );
    }
    expect(
      authProblem(cognitoError('InvalidPasswordException', 'Invalid password'), 'reset-password')
        .message,
    ).toBe('Choose a different password: this one does not meet the account rules.');
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

  it('reads a code refused for any reason the same at reset and confirmation, telling no account', () => {
    for (const action of ['reset-password', 'confirm-sign-up'] as const) {
      for (const name of [
        'CodeMismatchException',
        'ExpiredCodeException',
        'UserNotFoundException',
        'NotAuthorizedException',
      ]) {
        expect(authProblem(cognitoError(name, `detail of ${name}`), action))
          .withContext(`${action} ${name}`)
          .toEqual({ field: 'code', message: EMAIL_CODE_REFUSED });
      }
    }
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

  it("keeps an unsupported step's advice and never shows Cognito's own words", () => {
    expect(authProblem(new UnsupportedStepError('Use TOTP.'), 'sign-in')).toEqual({
      message: 'Use TOTP.',
    });
    const log = spyOn(console, 'error');
    const raw = cognitoError(
      'CognitoLocal#Unsupported',
      'Cognito Local unsupported feature: Unsupported x-amz-target header "X"',
    );
    expect(authProblem(raw, 'resend-code')).toEqual({
      message: 'No new code could be sent. Try again in a moment.',
    });
    expect(log).toHaveBeenCalledWith('No new code could be sent:', raw);
  });

  it('says what happened to a passkey in words, never the browser’s or Cognito’s text', () => {
    const said = (name: string, action: 'passkey-sign-in' | 'passkey-add' | 'passkeys') =>
      authProblem(cognitoError(name, `raw text of ${name}`), action).message;
    // Cancelled, timed out, or no passkey here: browsers answer all alike (NotAllowedError).
    expect(said('PasskeyAuthenticationCanceled', 'passkey-sign-in')).toBe(NO_PASSKEY_USED);
    expect(said('PasskeyOperationAborted', 'passkey-sign-in')).toBe(NO_PASSKEY_USED);
    expect(said('PasskeyRegistrationCanceled', 'passkey-add')).toBe(NO_PASSKEY_ADDED);
    expect(said('PasskeyNotSupported', 'passkey-sign-in')).toBe(PASSKEYS_UNSUPPORTED);
    expect(said('RelyingPartyMismatch', 'passkey-sign-in')).toBe(WRONG_ADDRESS);
    expect(said('WebAuthnOriginNotAllowedException', 'passkey-add')).toBe(WRONG_ADDRESS);
    expect(said('WebAuthnRelyingPartyMismatchException', 'passkey-add')).toBe(WRONG_ADDRESS);
    // Cognito refused the signature: a removed passkey, another site's.
    expect(said('NotAuthorizedException', 'passkey-sign-in')).toBe(PASSKEY_REFUSED);
    expect(said('PasskeyAlreadyExists', 'passkey-add')).toBe(
      'This device already has a passkey for your account.',
    );
    expect(said('WebAuthnNotEnabledException', 'passkey-add')).toBe(
      'Passkeys are not turned on for this app’s accounts.',
    );
    expect(said('LimitExceededException', 'passkey-add')).toContain('Remove one first');
    expect(said('ResourceNotFoundException', 'passkeys')).toBe(
      'That passkey was already removed from your account.',
    );
    spyOn(console, 'error');
    expect(said('UnknownError', 'passkey-add')).toBe(
      'The passkey could not be added. Try again in a moment.',
    );
    expect(console.error).toHaveBeenCalled();
  });

  it('tells a wrong emailed sign-in code from one that can no longer be used', () => {
    expect(authProblem(cognitoError('CodeMismatchException'), 'email-code')).toEqual({
      field: 'code',
      message: EMAIL_CODE_WRONG,
    });
    for (const name of ['NotAuthorizedException', 'ExpiredCodeException', 'SignInException']) {
      expect(authProblem(cognitoError(name, 'Invalid session'), 'email-code')).toEqual({
        message: EMAIL_CODE_ENDED,
      });
    }
    // The password on the choice page reads as on the one-page sign-in.
    expect(authProblem(cognitoError('NotAuthorizedException'), 'sign-in').message).toBe(
      WRONG_CREDENTIALS,
    );
  });
});
