import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { apply, form } from '@angular/forms/signals';
import { FormStatus } from '../ui/form-status';
import { AMPLIFY_STEPS } from './amplify-steps';
import {
  EMAIL_CODE,
  NEW_PASSWORD,
  REPEAT_NEW_PASSWORD,
  samePasswords,
  USERNAME,
} from './auth-fields';
import { authCall } from './auth-form';
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
    <app-auth-step [texts]="texts" [status]="status" [resend]="resend" (send)="submit()">
      <p>
        If an account exists for this username, we emailed it a code. Enter it with a new password.
      </p>
      <app-auth-field [field]="form.username" autocomplete="username" />
      <app-auth-field [field]="form.code" autocomplete="one-time-code" />
      <app-auth-field [field]="form.password" autocomplete="new-password" />
      <app-auth-field [field]="form.repeat" autocomplete="new-password" />
    </app-auth-step>
  `,
})
export class ResetPasswordPage {
  readonly texts = TEXTS;
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly nav = stepNavigation();
  readonly form = form(signal({ username: '', code: '', password: '', repeat: '' }), (f) => {
    apply(f.username, USERNAME);
    apply(f.code, EMAIL_CODE);
    apply(f.password, NEW_PASSWORD);
    apply(f.repeat, REPEAT_NEW_PASSWORD);
    samePasswords(f);
  });
  readonly status = new FormStatus(this.form);
  readonly resend = new CodeResend(this.form.username, this.status, {
    // An unknown user reads as a sent code, as on the first page.
    send: (username) => sendResetCode(this.amplify, username),
    sent: 'If an account exists for this username, we emailed it a new code.',
    failed: 'forgot-password',
  });

  constructor() {
    resetOnQuery(this.status);
  }

  async submit(): Promise<void> {
    const { username, code, password } = this.form().value();
    await this.status.submit(
      authCall('reset-password', async () => {
        await this.amplify.confirmResetPassword({
          username: username.trim(),
          confirmationCode: code.trim(),
          newPassword: password,
        });
        const query = { username: username.trim(), reason: 'password-changed' };
        await this.nav.to('/sign-in', query, { replaceUrl: true });
      }),
    );
  }
}
