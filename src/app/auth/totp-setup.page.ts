import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
} from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { IonBackButton } from '@ionic/angular/ion-back-button';
import { IonButton } from '@ionic/angular/ion-button';
import { IonButtons } from '@ionic/angular/ion-buttons';
import { IonContent } from '@ionic/angular/ion-content';
import { IonHeader } from '@ionic/angular/ion-header';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import { IonTitle } from '@ionic/angular/ion-title';
import { IonToolbar } from '@ionic/angular/ion-toolbar';
import { AMPLIFY_STEPS } from './amplify-steps';
import { authProblem, SESSION_ENDED } from './auth-errors';
import { AuthFieldComponent } from './auth-field.component';
import { AuthForm } from './auth-form';
import { SignInFlow } from './sign-in-flow';
import { totpCodeRule } from './totp-code-rule';

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
  imports: [
    IonHeader,
    IonToolbar,
    IonButtons,
    IonBackButton,
    IonTitle,
    IonContent,
    IonButton,
    IonSpinner,
    RouterLink,
    AuthFieldComponent,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary">
        <ion-buttons slot="start"
          ><ion-back-button defaultHref="/sign-in" aria-label="Back"
        /></ion-buttons>
        <ion-title>Authenticator app</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form class="page-width" (submit)="submit($event)" aria-labelledby="heading" novalidate>
        <h1 id="heading">Set up an authenticator app</h1>
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
            inputmode="numeric"
            helper="The 6-digit code the app now shows for Timers"
          />
          <div class="field-error" role="alert">{{ form.failure() ?? '' }}</div>
          <div class="field-error" role="status">{{ form.summary() }}</div>
          <ion-button type="submit" expand="block" [disabled]="form.busy()">
            @if (form.busy()) {
              <ion-spinner name="crescent" aria-hidden="true" />
              Checking…
            } @else {
              Verify and sign in
            }
          </ion-button>
        } @else {
          <div class="field-error" role="alert">{{ ended }}</div>
        }
        <p class="links"><a routerLink="/sign-in">Start again</a></p>
      </form>
    </ion-content>
  `,
  styleUrl: './auth-page.scss',
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
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly flow = inject(SignInFlow);
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  /** After a reload Amplify no longer holds the sign-in, so there is nothing to set up. */
  readonly ended = SESSION_ENDED;
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
  readonly form = new AuthForm(
    { fields: ['code'], labels: { code: 'Code' }, rules: totpCodeRule },
    this.host,
  );

  constructor() {
    // The otpauth: URI is Amplify's, built from the secret. Angular's URL sanitizer would prefix
    // its scheme with "unsafe:", so the link gets it directly.
    afterRenderEffect(() => {
      const uri = this.setupUri();
      const link = this.host.querySelector<HTMLAnchorElement>('a[data-testid=totp-link]');
      if (link) link.href = uri;
    });
  }

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    await this.form.submit(
      async () => {
        const { nextStep } = await this.amplify.confirmSignIn({
          challengeResponse: this.form.value('code').replace(/\s/g, ''),
        });
        await this.flow.follow(nextStep, this.route.snapshot.queryParamMap.get('returnUrl'));
      },
      (e) => authProblem(e, 'sign-in-step'),
    );
  }
}
