import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { apply, form } from '@angular/forms/signals';
import { FormStatus } from '../ui/form-status';
import { TOTP_CODE, totpDigits } from './auth-fields';
import { authCall } from './auth-form';
import { START_AGAIN, type StepTexts } from './auth-step.component';
import { SignInFlow } from './sign-in-flow';
import { stepNavigation } from './step-navigation';
import { STEP_PAGE_IMPORTS } from './step-page-imports';
import { TotpKeyComponent } from './totp-key.component';

const TEXTS: StepTexts = {
  bar: 'Authenticator app',
  heading: 'Set up an authenticator app',
  back: '/sign-in',
  action: 'Verify and sign in',
  busyAction: 'Checking…',
  links: [START_AGAIN],
};

/**
 * CONTINUE_SIGN_IN_WITH_TOTP_SETUP: the pool requires an authenticator app and this account has
 * none yet. The person adds the shared secret to their app (typed, or through the otpauth: link on
 * a phone), then proves it with a first code.
 */
@Component({
  selector: 'app-totp-setup',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [STEP_PAGE_IMPORTS, TotpKeyComponent],
  template: `
    <app-auth-step [texts]="texts" [status]="status" [ready]="!!setup()" (send)="submit()">
      @if (setup(); as details) {
        <p>This account needs a second step at sign-in: an authenticator app.</p>
        <app-totp-key [setup]="details" [account]="flow.username()" [code]="form.code" />
      }
    </app-auth-step>
  `,
})
export class TotpSetupPage {
  readonly texts = TEXTS;
  private readonly nav = stepNavigation();
  readonly flow = inject(SignInFlow);
  /** The secret lives in this page load only: after a reload there is nothing to set up. */
  readonly setup = this.flow.totpSetup;
  readonly form = form(signal({ code: '' }), (f) => apply(f.code, TOTP_CODE));
  readonly status = new FormStatus(this.form);

  async submit(): Promise<void> {
    const code = totpDigits(this.form.code().value());
    await this.status.submit(authCall('sign-in-step', () => this.nav.answer(code)));
  }
}
