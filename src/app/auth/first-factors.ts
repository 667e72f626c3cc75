import { InjectionToken } from '@angular/core';

// The first factors of choice-based sign-in (Cognito's USER_AUTH flow) that the app offers, as
// Cognito names them in AvailableChallenges and PREFERRED_CHALLENGE:
// https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
// SMS_OTP is not among them: the stack never allows it, and the app has no page for it.

/** A first factor the app offers: a passkey, a code by email, a password. */
export type FirstFactor = 'WEB_AUTHN' | 'EMAIL_OTP' | 'PASSWORD';

/** The challenge that answers the password factor: SRP where Cognito offers it. */
export type PasswordChallenge = 'PASSWORD' | 'PASSWORD_SRP';

/** What Cognito offered one sign-in, as the choice page shows it. */
export interface FactorOffer {
  /** In the order the page shows them: passwordless first. */
  readonly factors: readonly FirstFactor[];
  /**
   * How to ask for the password: PASSWORD_SRP when Cognito offers it (the password never leaves
   * the browser), else PASSWORD (a local Cognito without SRP offers only that).
   */
  readonly password: PasswordChallenge;
}

const SHOWN: readonly FirstFactor[] = ['WEB_AUTHN', 'EMAIL_OTP', 'PASSWORD'];

/**
 * The offer in Cognito's AvailableChallenges: exactly the factors it lists that the app can
 * run, PASSWORD and PASSWORD_SRP as one "password" factor.
 */
export function factorOffer(available: readonly string[] | undefined): FactorOffer {
  const listed = new Set(available ?? []);
  const password = listed.has('PASSWORD') || listed.has('PASSWORD_SRP');
  return {
    factors: SHOWN.filter((factor) => (factor === 'PASSWORD' ? password : listed.has(factor))),
    password: listed.has('PASSWORD_SRP') ? 'PASSWORD_SRP' : 'PASSWORD',
  };
}

/** What asks Cognito for a factor (Amplify's `preferredChallenge`, Cognito's ANSWER). */
export type FactorChallenge = Exclude<FirstFactor, 'PASSWORD'> | PasswordChallenge;

/** The challenge that asks Cognito for `factor`. */
export function challengeOf(factor: FirstFactor, offer: FactorOffer): FactorChallenge {
  return factor === 'PASSWORD' ? offer.password : factor;
}

/** Where this page is, as WebAuthn sees it. */
export interface PageOrigin {
  isSecureContext: boolean;
  hostname: string;
  hasWebAuthn: boolean;
}

function currentOrigin(): PageOrigin {
  return {
    isSecureContext: globalThis.isSecureContext === true,
    hostname: globalThis.location?.hostname ?? '',
    hasWebAuthn:
      typeof globalThis.PublicKeyCredential === 'function' && !!globalThis.navigator?.credentials,
  };
}

/**
 * Whether this page can use passkeys at all: browsers offer WebAuthn only in a secure context
 * (https, or http on localhost), and never on an IP address such as 127.0.0.1, whose page cannot
 * be any passkey's relying party (https://www.w3.org/TR/webauthn-3/#rp-id).
 */
export function passkeysWorkHere(origin: PageOrigin = currentOrigin()): boolean {
  const host = origin.hostname;
  const ipAddress = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
  return origin.isSecureContext && origin.hasWebAuthn && host !== '' && !ipAddress;
}

/** Whether this page can use passkeys (`passkeysWorkHere`), as the pages read it. */
export const PASSKEYS_WORK_HERE = new InjectionToken<boolean>('PASSKEYS_WORK_HERE', {
  providedIn: 'root',
  factory: () => passkeysWorkHere(),
});

/** What the pages say where passkeys cannot work, before anyone tries. */
export const PASSKEYS_NOT_HERE =
  'Passkeys cannot be used on this page: they need the app’s own secure address (https), or ' +
  'http://localhost on your computer, not an IP address.';
