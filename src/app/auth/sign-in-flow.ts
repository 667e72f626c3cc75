import { Injectable, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { SignInOutput } from 'aws-amplify/auth';
import { safeReturnUrl } from 'ngx-cognito-gateway';
import { AMPLIFY_STEPS } from './amplify-steps';
import { UnsupportedStepError } from './auth-errors';

export type NextSignInStep = SignInOutput['nextStep'];
/** The shared secret and otpauth: URI builder of a TOTP setup (Amplify does not export the type). */
export type TotpSetupDetails = Extract<
  NextSignInStep,
  { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP' }
>['totpSetupDetails'];

/**
 * Follows Amplify's `nextStep` from signIn, confirmSignIn and autoSignIn to the page for that step,
 * or to the page the person came for when signed in. Amplify keeps the sign-in's own state (the
 * challenge session) in memory; this keeps what the pages show across steps.
 */
@Injectable({ providedIn: 'root' })
export class SignInFlow {
  private readonly router = inject(Router);
  private readonly amplify = inject(AMPLIFY_STEPS);
  /** Who is signing in, for the pages' text and the authenticator app's account name. */
  readonly username = signal('');
  /** The shared secret of a TOTP setup in progress. */
  readonly totpSetup = signal<TotpSetupDetails | null>(null);

  /** Goes where `next` says; `returnUrl` is carried from page to page until signed in. */
  async follow(next: NextSignInStep, returnUrl: string | null): Promise<void> {
    const query = { queryParams: returnUrl ? { returnUrl } : {} };
    switch (next.signInStep) {
      case 'DONE':
        this.totpSetup.set(null);
        // Replacing the step's entry: Back from the page signed in to must not show a sign-in form.
        await this.router.navigateByUrl(safeReturnUrl(returnUrl, '/timers'), { replaceUrl: true });
        return;
      case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
        await this.router.navigate(['/sign-in/new-password'], query);
        return;
      case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
        await this.router.navigate(['/sign-in/totp'], query);
        return;
      case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
        this.totpSetup.set(next.totpSetupDetails);
        await this.router.navigate(['/sign-in/totp-setup'], query);
        return;
      case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
      case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
        // The app offers TOTP only; when the pool allows it, choose it for the person.
        if (next.allowedMFATypes?.includes('TOTP')) {
          const chosen = await this.amplify.confirmSignIn({ challengeResponse: 'TOTP' });
          return this.follow(chosen.nextStep, returnUrl);
        }
        break;
      case 'CONFIRM_SIGN_UP':
        await this.router.navigate(['/sign-up/confirm'], {
          queryParams: { ...query.queryParams, username: this.username(), reason: 'unconfirmed' },
        });
        return;
      case 'RESET_PASSWORD':
        await this.router.navigate(['/forgot-password'], {
          queryParams: { ...query.queryParams, username: this.username(), reason: 'required' },
        });
        return;
    }
    throw new UnsupportedStepError(
      `This account needs a sign-in step this app does not offer (${next.signInStep}). ` +
        'Ask your administrator to allow an authenticator app (TOTP) instead.',
    );
  }
}
