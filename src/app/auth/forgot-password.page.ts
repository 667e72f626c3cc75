import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { apply, form } from '@angular/forms/signals';
import { FormStatus } from '../ui/form-status';
import { AMPLIFY_STEPS } from './amplify-steps';
import { USERNAME } from './auth-fields';
import { authCall } from './auth-form';
import { BACK_TO_SIGN_IN, type StepTexts } from './auth-step.component';
import { sendResetCode } from './code-requests';
import { resetOnQuery } from './route-query';
import { stepNavigation } from './step-navigation';
import { STEP_PAGE_IMPORTS } from './step-page-imports';

const TEXTS: StepTexts = {
  bar: 'Reset password',
  heading: 'Reset your password',
  back: '/sign-in',
  action: 'Send code',
  busyAction: 'Sending…',
  links: [BACK_TO_SIGN_IN, { label: 'I have a code', to: '/forgot-password/confirm' }],
};

/** Forgot password, first half: Cognito emails a code (resetPassword). */
@Component({
  selector: 'app-forgot-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [STEP_PAGE_IMPORTS],
  template: `
    <app-auth-step [texts]="texts" [status]="status" (send)="submit()">
      <p>
        @if (required()) {
          Your password must be reset before you can sign in.
        }
        Enter your username and we will email you a code to choose a new password.
      </p>
      <app-auth-field [field]="form.username" autocomplete="username" />
    </app-auth-step>
  `,
})
export class ForgotPasswordPage {
  readonly texts = TEXTS;
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly nav = stepNavigation();
  readonly required = signal(false);
  readonly form = form(signal({ username: '' }), (f) => apply(f.username, USERNAME));
  readonly status = new FormStatus(this.form);

  constructor() {
    resetOnQuery(this.status, (query) => {
      this.required.set(query.get('reason') === 'required');
    });
  }

  async submit(): Promise<void> {
    const username = this.form.username().value().trim();
    await this.status.submit(
      authCall('forgot-password', async () => {
        await sendResetCode(this.amplify, username);
        await this.nav.to('/forgot-password/confirm', { username });
      }),
    );
  }
}
