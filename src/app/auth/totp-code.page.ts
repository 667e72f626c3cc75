import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { apply, form } from '@angular/forms/signals';
import { FormStatus } from '../ui/form-status';
import { TOTP_CODE, totpDigits } from './auth-fields';
import { authCall } from './auth-form';
import { START_AGAIN, type StepTexts } from './auth-step.component';
import { SignInFlow } from './sign-in-flow';
import { stepNavigation } from './step-navigation';
import { STEP_PAGE_IMPORTS } from './step-page-imports';

const TEXTS: StepTexts = {
  bar: 'Verification code',
  heading: 'Enter your verification code',
  back: '/sign-in',
  action: 'Verify',
  busyAction: 'Checking…',
  links: [START_AGAIN],
};

/** CONFIRM_SIGN_IN_WITH_TOTP_CODE: the six digits the authenticator app shows now. */
@Component({
  selector: 'app-totp-code',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [STEP_PAGE_IMPORTS],
  template: `
    <app-auth-step [texts]="texts" [status]="status" [ready]="open()" (send)="submit()">
      @if (open()) {
        <p>Open your authenticator app and enter the 6-digit code it shows for Timers.</p>
        <app-auth-field [field]="form.code" autocomplete="one-time-code" />
      }
    </app-auth-step>
  `,
})
export class TotpCodePage {
  readonly texts = TEXTS;
  private readonly nav = stepNavigation();
  /** The challenge lives in Cognito's session: a page without it says so before any typing. */
  readonly open = inject(SignInFlow).stillOpen('totp');
  readonly form = form(signal({ code: '' }), (f) => apply(f.code, TOTP_CODE));
  readonly status = new FormStatus(this.form);

  async submit(): Promise<void> {
    const code = totpDigits(this.form.code().value());
    await this.status.submit(authCall('sign-in-step', () => this.nav.answer(code)));
  }
}
