// What went wrong with a passkey or an emailed sign-in code, in plain words. Amplify throws a
// PasskeyError named after what the browser answered (its names: PasskeyErrorCode in
// @aws-amplify/auth; the browser's own: https://w3c.github.io/webauthn/#sctn-get-request-exceptions)
// and Cognito's exceptions for what Cognito refused (StartWebAuthnRegistration,
// CompleteWebAuthnRegistration, RespondToAuthChallenge in the Cognito API reference).
import type { AuthProblem } from './auth-errors';

/** The actions of passwordless sign-in and of the passkeys on the account page. */
export type PasswordlessAction = 'passkey-sign-in' | 'passkey-add' | 'passkeys' | 'email-code';

/**
 * A browser says the same (NotAllowedError) whether the person cancelled, the request timed out,
 * or the device has no passkey for the account, so that a page cannot probe which passkeys exist:
 * one message names each.
 */
export const NO_PASSKEY_USED =
  'No passkey was used: the request was cancelled or timed out, or this device has no passkey ' +
  'for this account. Try again, or choose another way to sign in.';
export const NO_PASSKEY_ADDED =
  'No passkey was added: the request was cancelled or timed out. Try again when you are ready.';
/** Cognito refused the passkey's signature: the passkey is no longer the account's, or not this site's. */
export const PASSKEY_REFUSED =
  'This passkey was not accepted: it may have been removed from your account, or be for another ' +
  'site. Choose another way to sign in.';
export const PASSKEYS_UNSUPPORTED =
  'This browser or page cannot use passkeys: they need a secure address (https, or ' +
  'http://localhost on your computer) in a browser that supports them.';
export const WRONG_ADDRESS =
  'Passkeys cannot be used at this web address: this app’s passkeys belong to its own address. ' +
  'Open the app there.';
export const EMAIL_CODE_WRONG = 'That code is not right. Check the email, or send a new code.';
export const EMAIL_CODE_ENDED =
  'This code can no longer be used: it has expired, or too many wrong codes were tried. ' +
  'Send a new code.';

const CANCELLED = new Set([
  'PasskeyAuthenticationCanceled',
  'PasskeyRegistrationCanceled',
  'PasskeyOperationAborted',
  'PasskeyRetrievalFailed',
  'PasskeyRegistrationFailed',
]);
const ELSEWHERE = new Set([
  'RelyingPartyMismatch',
  'WebAuthnOriginNotAllowedException',
  'WebAuthnRelyingPartyMismatchException',
]);

/** The problem for a passkey's or an emailed code's failure; null when the generic one fits. */
export function passwordlessProblem(name: string, action: string): AuthProblem | null {
  if (action === 'email-code') {
    if (name === 'CodeMismatchException') return { message: EMAIL_CODE_WRONG, field: 'code' };
    // Cognito's session ended: 3 minutes passed, or the third wrong code was sent; Amplify's own
    // state of it (SignInException) is gone after a reload past the 3 minutes.
    if (['NotAuthorizedException', 'ExpiredCodeException', 'SignInException'].includes(name)) {
      return { message: EMAIL_CODE_ENDED };
    }
    return null;
  }
  if (action !== 'passkey-sign-in' && action !== 'passkey-add' && action !== 'passkeys') {
    return null;
  }
  if (CANCELLED.has(name)) {
    return { message: action === 'passkey-sign-in' ? NO_PASSKEY_USED : NO_PASSKEY_ADDED };
  }
  if (ELSEWHERE.has(name)) return { message: WRONG_ADDRESS };
  switch (name) {
    case 'PasskeyNotSupported':
      return { message: PASSKEYS_UNSUPPORTED };
    case 'PasskeyAlreadyExists':
      return { message: 'This device already has a passkey for your account.' };
    case 'WebAuthnNotEnabledException':
    case 'WebAuthnConfigurationMissingException':
      return { message: 'Passkeys are not turned on for this app’s accounts.' };
    case 'WebAuthnChallengeNotFoundException':
      return { message: 'Adding the passkey took too long. Try again.' };
    case 'LimitExceededException':
      if (action === 'passkey-add') {
        return { message: 'Your account has as many passkeys as it can have. Remove one first.' };
      }
      return null;
    case 'NotAuthorizedException':
      return action === 'passkey-sign-in' ? { message: PASSKEY_REFUSED } : null;
    case 'ResourceNotFoundException':
      return action === 'passkeys'
        ? { message: 'That passkey was already removed from your account.' }
        : null;
  }
  return null;
}
