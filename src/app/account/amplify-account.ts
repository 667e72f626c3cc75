import { InjectionToken } from '@angular/core';
import {
  associateWebAuthnCredential,
  deleteWebAuthnCredential,
  fetchMFAPreference,
  listWebAuthnCredentials,
  setUpTOTP,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth';

/**
 * Amplify's calls for the signed-in person's own settings, behind a token so specs can replace
 * them. Only the lazy account page injects it, so they stay out of the initial bundle.
 */
export interface AmplifyAccountApi {
  fetchMFAPreference: typeof fetchMFAPreference;
  setUpTOTP: typeof setUpTOTP;
  verifyTOTPSetup: typeof verifyTOTPSetup;
  updateMFAPreference: typeof updateMFAPreference;
  associateWebAuthnCredential: typeof associateWebAuthnCredential;
  listWebAuthnCredentials: typeof listWebAuthnCredentials;
  deleteWebAuthnCredential: typeof deleteWebAuthnCredential;
}

export const AMPLIFY_ACCOUNT = new InjectionToken<AmplifyAccountApi>('AMPLIFY_ACCOUNT', {
  providedIn: 'root',
  factory: () => ({
    fetchMFAPreference,
    setUpTOTP,
    verifyTOTPSetup,
    updateMFAPreference,
    associateWebAuthnCredential,
    listWebAuthnCredentials,
    deleteWebAuthnCredential,
  }),
});
