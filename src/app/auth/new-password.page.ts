import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { STEP_ENDED } from './auth-errors';
import { NEW_PASSWORDS, samePasswords } from './auth-fields';
import { authForm } from './auth-form';
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
    <app-auth-step [texts]="texts" [form]="form" [ready]="open()" (send)="submit()">
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
        <app-auth-field [form]="form" name="password" autocomplete="new-password" />
        <app-auth-field [form]="form" name="repeat" autocomplete="new-password" />
      } @else {
        <div class="field-error" role="alert" data-testid="step-ended">{{ ended }}</div>
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
  readonly ended = STEP_ENDED;
  readonly form = authForm(NEW_PASSWORDS, samePasswords);

  async submit(): Promise<void> {
    await this.form.submit(() => this.nav.answer(this.form.value('password')), 'sign-in-step');
  }
}
