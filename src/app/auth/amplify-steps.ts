import { InjectionToken } from '@angular/core';
import {
  autoSignIn,
  confirmResetPassword,
  confirmSignIn,
  confirmSignUp,
  resendSignUpCode,
  resetPassword,
  signUp,
} from 'aws-amplify/auth';

/**
 * Amplify's calls for the sign-in steps after the first, behind a token so specs can replace them.
 * Only the lazy step pages inject it, so these calls stay out of the initial bundle.
 */
export interface AmplifyStepsApi {
  confirmSignIn: typeof confirmSignIn;
  signUp: typeof signUp;
  confirmSignUp: typeof confirmSignUp;
  resendSignUpCode: typeof resendSignUpCode;
  autoSignIn: typeof autoSignIn;
  resetPassword: typeof resetPassword;
  confirmResetPassword: typeof confirmResetPassword;
}

export const AMPLIFY_STEPS = new InjectionToken<AmplifyStepsApi>('AMPLIFY_STEPS', {
  providedIn: 'root',
  factory: () => ({
    confirmSignIn,
    signUp,
    confirmSignUp,
    resendSignUpCode,
    // Amplify exports autoSignIn as a live binding that signUp/confirmSignUp replace; copying its
    // value here would keep the placeholder that throws "The autoSignIn flow has not started".
    autoSignIn: () => autoSignIn(),
    resetPassword,
    confirmResetPassword,
  }),
});
