import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { apply, form } from '@angular/forms/signals';
import { RUNTIME_CONFIG } from '../config/runtime-config.token';
import { AMPLIFY_STEPS } from './amplify-steps';
import { FormStatus } from '../ui/form-status';
import { EMAIL, FIRST_PASSWORD, REPEAT_PASSWORD, samePasswords } from './auth-fields';
import { authCall } from './auth-form';
import type { StepTexts } from './auth-step.component';
import { stepNavigation } from './step-navigation';
import { STEP_PAGE_IMPORTS } from './step-page-imports';

const TEXTS: StepTexts = {
  bar: 'Create an account',
  back: '/sign-in',
  action: 'Create account',
  busyAction: 'Creating…',
  links: [
    { label: 'I have an account', to: '/sign-in' },
    { label: 'I have a code', to: '/sign-up/confirm' },
  ],
};

/** Sign-up with an email address as the username, confirmed by a code sent to it. */
@Component({
  selector: 'app-sign-up',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [STEP_PAGE_IMPORTS],
  template: `
    <app-auth-step [texts]="texts" [status]="status" (send)="submit()">
      <p>We will email you a code to confirm the address.</p>
      <app-auth-field [field]="form.username" autocomplete="email" />
      <app-auth-field [field]="form.password" autocomplete="new-password" />
      <app-auth-field [field]="form.repeat" autocomplete="new-password" />
    </app-auth-step>
  `,
})
export class SignUpPage {
  readonly texts = TEXTS;
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly nav = stepNavigation();
  readonly form = form(signal({ username: '', password: '', repeat: '' }), (f) => {
    apply(f.username, EMAIL);
    apply(f.password, FIRST_PASSWORD);
    apply(f.repeat, REPEAT_PASSWORD);
    samePasswords(f);
  });
  readonly status = new FormStatus(this.form);

  async submit(): Promise<void> {
    const username = this.form.username().value().trim();
    await this.status.submit(
      authCall('sign-up', async () => {
        const nextStep = await this.amplify
          .signUp({
            username,
            password: this.form.password().value(),
            options: {
              userAttributes: { email: username },
              // After the code, Amplify signs in with the same flow as the sign-in page.
              autoSignIn: { authFlowType: this.config.authFlow },
            },
          })
          .then(
            (out) => out.nextStep,
            (e: unknown) => {
              // Cognito's SignUp says when an address is taken; the page does not: it goes on to
              // the code, as for a new account, and no code comes (the confirm page says why).
              if ((e as { name?: unknown } | null)?.name === 'UsernameExistsException') {
                return { signUpStep: 'CONFIRM_SIGN_UP' } as const;
              }
              throw e;
            },
          );
        if (nextStep.signUpStep === 'CONFIRM_SIGN_UP') {
          await this.nav.to('/sign-up/confirm', { username });
        } else if (nextStep.signUpStep === 'COMPLETE_AUTO_SIGN_IN') {
          // A pool that confirms on its own (a pre-sign-up Lambda): no code to enter.
          await this.nav.autoSignIn(username);
        } else {
          await this.nav.to('/sign-in', { username, reason: 'confirmed' });
        }
      }),
    );
  }
}
