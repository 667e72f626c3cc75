import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AMPLIFY_STEPS } from './amplify-steps';
import { EMAIL, EMAIL_CODE } from './auth-fields';
import { authForm } from './auth-form';
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
    <app-auth-step [texts]="texts" [form]="form" [resend]="resend" (send)="submit()">
      <p>
        @if (unconfirmed()) {
          This account is not confirmed yet. Enter the code we emailed you, or send a new one.
        } @else {
          We emailed a code to the address, unless it already has an account: then sign in, or reset
          its password. Enter the code to finish creating your account.
        }
      </p>
      <app-auth-field [form]="form" name="username" autocomplete="email" />
      <app-auth-field [form]="form" name="code" autocomplete="one-time-code" />
    </app-auth-step>
  `,
})
export class ConfirmSignUpPage {
  readonly texts = TEXTS;
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly nav = stepNavigation();
  readonly unconfirmed = signal(false);
  readonly form = authForm({ username: EMAIL, code: EMAIL_CODE });
  readonly resend = new CodeResend(this.form, {
    send: (username) => resendSignUpCode(this.amplify, username),
    sent: 'If this address is waiting for confirmation, we emailed it a new code.',
    failed: 'resend-code',
  });

  constructor() {
    resetOnQuery(this.form, (query) => {
      this.unconfirmed.set(query.get('reason') === 'unconfirmed');
    });
  }

  async submit(): Promise<void> {
    const username = this.form.value('username').trim();
    await this.form.submit(async () => {
      const { nextStep } = await this.amplify.confirmSignUp({
        username,
        confirmationCode: this.form.value('code').trim(),
      });
      if (nextStep.signUpStep === 'COMPLETE_AUTO_SIGN_IN') {
        // Amplify still holds the password from sign-up on this page load.
        await this.nav.autoSignIn(username);
      } else {
        await this.nav.to('/sign-in', { username, reason: 'confirmed' }, { replaceUrl: true });
      }
    }, 'confirm-sign-up');
  }
}
