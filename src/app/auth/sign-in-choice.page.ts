import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { apply, form } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import { IonButton } from '@ionic/angular/ion-button';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import { FormStatus } from '../ui/form-status';
import { passwordWhen } from './auth-fields';
import { authCall } from './auth-form';
import { START_AGAIN, type StepTexts } from './auth-step.component';
import { factorChoice } from './factor-choice';
import { PASSKEYS_NOT_HERE, PASSKEYS_WORK_HERE, type FirstFactor } from './first-factors';
import { SignInFlow } from './sign-in-flow';
import { stepNavigation } from './step-navigation';
import { STEP_PAGE_IMPORTS } from './step-page-imports';

const TEXTS: StepTexts = {
  bar: 'Sign in',
  heading: 'Choose how to sign in',
  back: '/sign-in',
  action: 'Sign in with password',
  busyAction: 'Signing in…',
  links: [START_AGAIN],
};

/** A factor not started yet: the password is required only once it is chosen. */
type Chosen = FirstFactor | '';

/**
 * CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION: exactly the first factors Cognito offered this
 * username (choice-based sign-in), passwordless first: a passkey, a code by email, the password.
 * A passkey this page cannot use (no secure context, an IP address) is named with the reason
 * instead of a button that could only fail.
 */
@Component({
  selector: 'app-sign-in-choice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [STEP_PAGE_IMPORTS, IonButton, IonSpinner, RouterLink],
  template: `
    <app-auth-step
      [texts]="texts"
      [status]="status"
      [ready]="open"
      [hasAction]="offers('PASSWORD')"
      [busyElsewhere]="chosen() !== 'PASSWORD'"
      (send)="choose('PASSWORD')"
    >
      @if (open) {
        <p>
          Signing in as <strong data-testid="choice-username">{{ flow.username() }}</strong>.
        </p>
        @if (factors().length === 0) {
          <p class="field-error" role="alert" data-testid="no-factor">
            This account signs in in a way this app does not offer. Ask your administrator to allow
            a password, a passkey or a code by email.
          </p>
        }
        @if (offers('WEB_AUTHN')) {
          @if (passkeysHere) {
            <ion-button expand="block" [disabled]="status.busy()" (click)="choose('WEB_AUTHN')">
              @if (busyWith('WEB_AUTHN')) {
                <ion-spinner name="crescent" aria-hidden="true" />
                Waiting for your passkey…
              } @else {
                Sign in with a passkey
              }
            </ion-button>
          } @else {
            <p class="note warning" data-testid="passkeys-not-here">{{ notHere }}</p>
          }
        }
        @if (offers('EMAIL_OTP')) {
          <ion-button
            expand="block"
            fill="outline"
            [disabled]="status.busy()"
            (click)="choose('EMAIL_OTP')"
          >
            @if (busyWith('EMAIL_OTP')) {
              <ion-spinner name="crescent" aria-hidden="true" />
              Sending…
            } @else {
              Email me a code
            }
          </ion-button>
        }
        @if (offers('PASSWORD')) {
          @if (factors().length > 1) {
            <p>Or with your password:</p>
          }
          <!-- For password managers: the username this password belongs to. -->
          <input
            type="text"
            name="username"
            autocomplete="username"
            [value]="flow.username()"
            hidden
            readonly
          />
          <app-auth-field [field]="form.password" autocomplete="current-password" />
        }
      }
      @if (open && offers('PASSWORD')) {
        <a routerLink="/forgot-password" [queryParams]="forgotQuery()">Forgot your password?</a>
      }
    </app-auth-step>
  `,
})
export class SignInChoicePage {
  readonly texts = TEXTS;
  readonly flow = inject(SignInFlow);
  private readonly nav = stepNavigation();
  private readonly ask = factorChoice();
  /** Opened without a sign-in in progress (another tab, a bookmark): it says so, no choices. */
  readonly open = this.flow.openNow('choose');
  readonly passkeysHere = inject(PASSKEYS_WORK_HERE);
  readonly notHere = PASSKEYS_NOT_HERE;
  readonly factors = computed(() => this.flow.choice()?.offer.factors ?? []);
  readonly form = form(signal({ factor: '' as Chosen, password: '' }), (f) => {
    apply(
      f.password,
      passwordWhen(({ valueOf }) => valueOf(f.factor) === 'PASSWORD'),
    );
  });
  readonly chosen = computed(() => this.form.factor().value());
  readonly status = new FormStatus(this.form);

  offers(factor: FirstFactor): boolean {
    return this.factors().includes(factor);
  }

  busyWith(factor: FirstFactor): boolean {
    return this.status.busy() && this.chosen() === factor;
  }

  forgotQuery(): Record<string, string> {
    return { ...this.nav.returnUrlQuery(), username: this.flow.username() };
  }

  /** Asks Cognito for `factor` (with the password typed, for the password), then on. */
  async choose(factor: FirstFactor): Promise<void> {
    if (this.status.busy()) return;
    this.form.factor().value.set(factor);
    const password = this.form.password().value();
    await this.status.submit(
      authCall(factor === 'WEB_AUTHN' ? 'passkey-sign-in' : 'sign-in', async () => {
        await this.nav.follow(await this.ask(factor, password));
      }),
    );
  }
}
