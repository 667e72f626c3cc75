import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { apply, form } from '@angular/forms/signals';
import { FormStatus } from '../ui/form-status';
import { EMAIL_CODE, USERNAME } from './auth-fields';
import { authCall } from './auth-form';
import { START_AGAIN, type StepTexts } from './auth-step.component';
import { AuthService } from './auth.service';
import { CodeResend } from './code-resend';
import { SignInFlow } from './sign-in-flow';
import { stepNavigation } from './step-navigation';
import { STEP_PAGE_IMPORTS } from './step-page-imports';

const TEXTS: StepTexts = {
  bar: 'Sign in',
  heading: 'Enter the code from your email',
  back: '/sign-in/choose',
  action: 'Sign in',
  busyAction: 'Checking…',
  links: [START_AGAIN],
};

/**
 * CONFIRM_SIGN_IN_WITH_EMAIL_CODE: the one-time code Cognito emailed (EMAIL_OTP). It works once,
 * within Cognito's 3-minute session; "Send a new code" starts a new sign-in that prefers an
 * emailed code, so an expired code, or one refused after too many wrong ones, is not a dead end.
 * The page never says where a code went, which would tell whether the account exists.
 */
@Component({
  selector: 'app-email-code',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [STEP_PAGE_IMPORTS],
  template: `
    <app-auth-step
      [texts]="texts"
      [status]="status"
      [resend]="open ? resend : null"
      [ready]="open"
      (send)="submit()"
    >
      @if (open) {
        <p>
          If an account uses <strong>{{ form.username().value() }}</strong>, we emailed it a sign-in
          code. It works once, within 3 minutes.
        </p>
        <app-auth-field [field]="form.code" autocomplete="one-time-code" />
      }
    </app-auth-step>
  `,
})
export class EmailCodePage {
  readonly texts = TEXTS;
  private readonly flow = inject(SignInFlow);
  private readonly auth = inject(AuthService);
  private readonly nav = stepNavigation();
  /** Opened without a code on its way (a reload after 3 minutes, another tab): it says so. */
  readonly open = this.flow.openNow('email-code');
  /** Whom the code is for: not a field on the page, but what "Send a new code" sends for. */
  readonly form = form(signal({ username: this.flow.username(), code: '' }), (f) => {
    apply(f.username, USERNAME);
    apply(f.code, EMAIL_CODE);
  });
  readonly status = new FormStatus(this.form);
  readonly resend = new CodeResend(this.form.username, this.status, {
    // A new sign-in that prefers an emailed code: Cognito sends one, for an account or not alike.
    send: async (username) => this.nav.follow(await this.auth.startChoice(username, 'EMAIL_OTP')),
    sent: 'If an account uses this address, we emailed it a new code.',
    failed: 'sign-in',
  });

  async submit(): Promise<void> {
    const code = this.form.code().value().replace(/\s/g, '');
    await this.status.submit(authCall('email-code', () => this.nav.answer(code)));
  }
}
