import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { apply, form } from '@angular/forms/signals';
import { FormStatus } from '../ui/form-status';
import { NEW_PASSWORD, REPEAT_NEW_PASSWORD, samePasswords } from './auth-fields';
import { authCall } from './auth-form';
import { START_AGAIN, type StepTexts } from './auth-step.component';
import { SignInFlow } from './sign-in-flow';
import { stepNavigation } from './step-navigation';
import { STEP_PAGE_IMPORTS } from './step-page-imports';

const TEXTS: StepTexts = {
  bar: 'New password',
  heading: 'Choose a new password',
  back: '/sign-in',
  action: 'Set password and sign in',
  busyAction: 'Saving…',
  links: [START_AGAIN],
};

/** CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED: an admin-created user replaces the temporary password. */
@Component({
  selector: 'app-new-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [STEP_PAGE_IMPORTS],
  template: `
    <app-auth-step [texts]="texts" [status]="status" [ready]="open()" (send)="submit()">
      @if (open()) {
        <p>
          The password you signed in with was temporary.
          @if (username()) {
            Choose your own for <strong>{{ username() }}</strong> to continue.
          } @else {
            Choose your own to continue.
          }
        </p>
        <!-- Lets password managers save the new password under the right account. -->
        <input type="text" name="username" autocomplete="username" [value]="username()" hidden />
        <app-auth-field [field]="form.password" autocomplete="new-password" />
        <app-auth-field [field]="form.repeat" autocomplete="new-password" />
      }
    </app-auth-step>
  `,
})
export class NewPasswordPage {
  readonly texts = TEXTS;
  private readonly nav = stepNavigation();
  private readonly flow = inject(SignInFlow);
  readonly username = this.flow.username;
  /** The challenge lives in Cognito's session: a page without it says so before any typing. */
  readonly open = this.flow.stillOpen('new-password');
  readonly form = form(signal({ password: '', repeat: '' }), (f) => {
    apply(f.password, NEW_PASSWORD);
    apply(f.repeat, REPEAT_NEW_PASSWORD);
    samePasswords(f);
  });
  readonly status = new FormStatus(this.form);

  async submit(): Promise<void> {
    const password = this.form.password().value();
    await this.status.submit(authCall('sign-in-step', () => this.nav.answer(password)));
  }
}
