import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AMPLIFY_STEPS } from './amplify-steps';
import { EMAIL_CODE, NEW_PASSWORDS, samePasswords, USERNAME } from './auth-fields';
import { authForm } from './auth-form';
import { BACK_TO_SIGN_IN, type StepTexts } from './auth-step.component';
import { CodeResend } from './code-resend';
import { sendResetCode } from './code-requests';
import { resetOnQuery } from './route-query';
import { stepNavigation } from './step-navigation';
import { STEP_PAGE_IMPORTS } from './step-page-imports';

const TEXTS: StepTexts = {
  bar: 'New password',
  heading: 'Choose a new password',
  back: '/forgot-password',
  action: 'Change password',
  busyAction: 'Saving…',
  links: [BACK_TO_SIGN_IN],
};

/** Forgot password, second half: the emailed code and a new password (confirmResetPassword). */
@Component({
  selector: 'app-reset-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [STEP_PAGE_IMPORTS],
  template: `
    <app-auth-step [texts]="texts" [form]="form" [resend]="resend" (send)="submit()">
      <p>
        If an account exists for this username, we emailed it a code. Enter it with a new password.
      </p>
      <app-auth-field [form]="form" name="username" autocomplete="username" />
      <app-auth-field [form]="form" name="code" autocomplete="one-time-code" />
      <app-auth-field [form]="form" name="password" autocomplete="new-password" />
      <app-auth-field [form]="form" name="repeat" autocomplete="new-password" />
    </app-auth-step>
  `,
})
export class ResetPasswordPage {
  readonly texts = TEXTS;
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly nav = stepNavigation();
  readonly form = authForm(
    { username: USERNAME, code: EMAIL_CODE, ...NEW_PASSWORDS },
    samePasswords,
  );
  readonly resend = new CodeResend(this.form, {
    // An unknown user reads as a sent code, as on the first page.
    send: (username) => sendResetCode(this.amplify, username),
    sent: 'If an account exists for this username, we emailed it a new code.',
    failed: 'forgot-password',
  });

  constructor() {
    resetOnQuery(this.form);
  }

  async submit(): Promise<void> {
    const username = this.form.value('username').trim();
    await this.form.submit(async () => {
      await this.amplify.confirmResetPassword({
        username,
        confirmationCode: this.form.value('code').trim(),
        newPassword: this.form.value('password'),
      });
      await this.nav.to('/sign-in', { username, reason: 'password-changed' }, { replaceUrl: true });
    }, 'reset-password');
  }
}
