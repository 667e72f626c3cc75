import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
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
import { authProblem } from './auth-errors';
import { AuthFieldComponent } from './auth-field.component';
import { AuthForm } from './auth-form';
import { SignInFlow } from './sign-in-flow';
import { totpCodeRule } from './totp-code-rule';

/** CONFIRM_SIGN_IN_WITH_TOTP_CODE: the six digits the authenticator app shows now. */
@Component({
  selector: 'app-totp-code',
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
        <ion-title>Verification code</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form class="page-width" (submit)="submit($event)" aria-labelledby="heading" novalidate>
        <h1 id="heading">Enter your verification code</h1>
        <p>Open your authenticator app and enter the 6-digit code it shows for Timers.</p>
        <app-auth-field
          [form]="form"
          name="code"
          autocomplete="one-time-code"
          inputmode="numeric"
        />
        <div class="field-error" role="alert">{{ form.failure() ?? '' }}</div>
        <div class="field-error" role="status">{{ form.summary() }}</div>
        <ion-button type="submit" expand="block" [disabled]="form.busy()">
          @if (form.busy()) {
            <ion-spinner name="crescent" aria-hidden="true" />
            Checking…
          } @else {
            Verify
          }
        </ion-button>
        <p class="links"><a routerLink="/sign-in">Start again</a></p>
      </form>
    </ion-content>
  `,
  styleUrl: './auth-page.scss',
})
export class TotpCodePage {
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly flow = inject(SignInFlow);
  private readonly route = inject(ActivatedRoute);
  readonly form = new AuthForm(
    { fields: ['code'], labels: { code: 'Code' }, rules: totpCodeRule },
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

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
