import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { STEP_ENDED } from './auth-errors';
import { TOTP_CODE, totpDigits } from './auth-fields';
import { authForm } from './auth-form';
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
    <app-auth-step [texts]="texts" [form]="form" [ready]="open()" (send)="submit()">
      @if (open()) {
        <p>Open your authenticator app and enter the 6-digit code it shows for Timers.</p>
        <app-auth-field [form]="form" name="code" autocomplete="one-time-code" />
      } @else {
        <div class="field-error" role="alert" data-testid="step-ended">{{ ended }}</div>
      }
    </app-auth-step>
  `,
})
export class TotpCodePage {
  readonly texts = TEXTS;
  private readonly nav = stepNavigation();
  /** The challenge lives in Cognito's session: a page without it says so before any typing. */
  readonly open = inject(SignInFlow).stillOpen('totp');
  readonly ended = STEP_ENDED;
  readonly form = authForm({ code: TOTP_CODE });

  async submit(): Promise<void> {
    await this.form.submit(
      () => this.nav.answer(totpDigits(this.form.value('code'))),
      'sign-in-step',
    );
  }
}
