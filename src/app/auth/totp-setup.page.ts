import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
} from '@angular/core';
import { STEP_ENDED } from './auth-errors';
import { TOTP_CODE, totpDigits } from './auth-fields';
import { authForm } from './auth-form';
import { START_AGAIN, type StepTexts } from './auth-step.component';
import { SignInFlow } from './sign-in-flow';
import { stepNavigation } from './step-navigation';
import { STEP_PAGE_IMPORTS } from './step-page-imports';

const TEXTS: StepTexts = {
  bar: 'Authenticator app',
  heading: 'Set up an authenticator app',
  back: '/sign-in',
  action: 'Verify and sign in',
  busyAction: 'Checking…',
  links: [START_AGAIN],
};

/** The issuer authenticator apps list the account under. */
export const TOTP_ISSUER = 'Timers';

/**
 * CONTINUE_SIGN_IN_WITH_TOTP_SETUP: the pool requires an authenticator app and this account has
 * none yet. The person adds the shared secret to their app (typed, or through the otpauth: link on
 * a phone), then proves it with a first code.
 */
@Component({
  selector: 'app-totp-setup',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [STEP_PAGE_IMPORTS],
  template: `
    <app-auth-step [texts]="texts" [form]="form" [ready]="!!secret()" (send)="submit()">
      @if (secret()) {
        <p>
          This account needs a second step at sign-in. In your authenticator app, add an account
          with this key (time-based):
        </p>
        <p class="secret" data-testid="totp-secret" aria-label="Setup key">{{ grouped() }}</p>
        <p><a data-testid="totp-link">Open in an authenticator app</a> (on this device)</p>
        <app-auth-field
          [form]="form"
          name="code"
          autocomplete="one-time-code"
          helper="The 6-digit code the app now shows for Timers"
        />
      } @else {
        <div class="field-error" role="alert" data-testid="step-ended">{{ ended }}</div>
      }
    </app-auth-step>
  `,
  styles: `
    .secret {
      font-family: ui-monospace, monospace;
      font-size: 1.1rem;
      word-spacing: 0.3em;
      overflow-wrap: anywhere;
    }
  `,
})
export class TotpSetupPage {
  readonly texts = TEXTS;
  private readonly nav = stepNavigation();
  private readonly flow = inject(SignInFlow);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  /** After a reload Amplify no longer holds the sign-in, so there is nothing to set up. */
  readonly ended = STEP_ENDED;
  readonly secret = computed(() => this.flow.totpSetup()?.sharedSecret ?? '');
  readonly grouped = computed(() =>
    this.secret()
      .replace(/(.{4})/g, '$1 ')
      .trim(),
  );
  readonly setupUri = computed(
    () =>
      this.flow.totpSetup()?.getSetupUri(TOTP_ISSUER, this.flow.username() || undefined).href ?? '',
  );
  readonly form = authForm({ code: TOTP_CODE });

  constructor() {
    // The otpauth: URI is Amplify's, built from the secret. Angular's URL sanitizer would prefix
    // its scheme with "unsafe:", so the link gets it directly.
    afterRenderEffect(() => {
      const uri = this.setupUri();
      const link = this.host.querySelector<HTMLAnchorElement>('a[data-testid=totp-link]');
      if (link) link.href = uri;
    });
  }

  async submit(): Promise<void> {
    await this.form.submit(
      () => this.nav.answer(totpDigits(this.form.value('code'))),
      'sign-in-step',
    );
  }
}
