import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { apply, form } from '@angular/forms/signals';
import { FormStatus } from '../ui/form-status';
import { AMPLIFY_STEPS } from './amplify-steps';
import { EMAIL, EMAIL_CODE } from './auth-fields';
import { authCall } from './auth-form';
import { BACK_TO_SIGN_IN, type StepTexts } from './auth-step.component';
import { resendSignUpCode } from './code-requests';
import { CodeResend } from './code-resend';
import { resetOnQuery } from './route-query';
import { stepNavigation } from './step-navigation';
import { STEP_PAGE_IMPORTS } from './step-page-imports';

const TEXTS: StepTexts = {
  bar: 'Confirm your email',
  back: '/sign-up',
  action: 'Confirm',
  busyAction: 'Confirming…',
  links: [BACK_TO_SIGN_IN],
};

/** The code from the sign-up email; "Send a new code" for a lost or expired one. */
@Component({
  selector: 'app-confirm-sign-up',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [STEP_PAGE_IMPORTS],
  template: `
    <app-auth-step [texts]="texts" [status]="status" [resend]="resend" (send)="submit()">
      <p>
        @if (unconfirmed()) {
          This account is not confirmed yet. Enter the code we emailed you, or send a new one.
        } @else {
          We emailed a code to the address, unless it already has an account: then sign in, or reset
          its password. Enter the code to finish creating your account.
        }
      </p>
      <app-auth-field [field]="form.username" autocomplete="email" />
      <app-auth-field [field]="form.code" autocomplete="one-time-code" />
    </app-auth-step>
  `,
})
export class ConfirmSignUpPage {
  readonly texts = TEXTS;
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly nav = stepNavigation();
  readonly unconfirmed = signal(false);
  readonly form = form(signal({ username: '', code: '' }), (f) => {
    apply(f.username, EMAIL);
    apply(f.code, EMAIL_CODE);
  });
  readonly status = new FormStatus(this.form);
  readonly resend = new CodeResend(this.form.username, this.status, {
    send: (username) => resendSignUpCode(this.amplify, username),
    sent: 'If this address is waiting for confirmation, we emailed it a new code.',
    failed: 'resend-code',
  });

  constructor() {
    resetOnQuery(this.status, (query) => {
      this.unconfirmed.set(query.get('reason') === 'unconfirmed');
    });
  }

  async submit(): Promise<void> {
    const username = this.form.username().value().trim();
    await this.status.submit(
      authCall('confirm-sign-up', async () => {
        const { nextStep } = await this.amplify.confirmSignUp({
          username,
          confirmationCode: this.form.code().value().trim(),
        });
        if (nextStep.signUpStep === 'COMPLETE_AUTO_SIGN_IN') {
          // Amplify still holds the password from sign-up on this page load.
          await this.nav.autoSignIn(username);
        } else {
          await this.nav.to('/sign-in', { username, reason: 'confirmed' }, { replaceUrl: true });
        }
      }),
    );
  }
}
