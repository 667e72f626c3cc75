import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { IonBackButton } from '@ionic/angular/ion-back-button';
import { IonButton } from '@ionic/angular/ion-button';
import { IonButtons } from '@ionic/angular/ion-buttons';
import { IonContent } from '@ionic/angular/ion-content';
import { IonHeader } from '@ionic/angular/ion-header';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import { IonTitle } from '@ionic/angular/ion-title';
import { IonToolbar } from '@ionic/angular/ion-toolbar';
import { AMPLIFY_STEPS } from './amplify-steps';
import { keepReturnUrl, onQuery } from './route-query';
import { authProblem } from './auth-errors';
import { AuthFieldComponent } from './auth-field.component';
import { AuthForm, required } from './auth-form';
import { sentTo } from './code-delivery';
import { emailRule } from './email-rule';
import { SignInFlow } from './sign-in-flow';

/** The code from the sign-up email; "Send a new code" for a lost or expired one. */
@Component({
  selector: 'app-confirm-sign-up',
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
          ><ion-back-button defaultHref="/sign-up" aria-label="Back"
        /></ion-buttons>
        <ion-title>Confirm your email</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form class="page-width" (submit)="submit($event)" aria-labelledby="heading" novalidate>
        <h1 id="heading">Confirm your email</h1>
        <p>
          @if (unconfirmed()) {
            This account is not confirmed yet. Enter the code we emailed you, or send a new one.
          } @else {
            We emailed you a code. Enter it to finish creating your account.
          }
        </p>
        <app-auth-field
          [form]="form"
          name="username"
          type="email"
          inputmode="email"
          autocomplete="email"
        />
        <app-auth-field
          [form]="form"
          name="code"
          autocomplete="one-time-code"
          inputmode="numeric"
        />
        <div class="field-error" role="alert">{{ form.failure() ?? '' }}</div>
        <div class="field-error" role="status">{{ form.summary() }}</div>
        <p role="status" data-testid="resend-status">{{ resent() }}</p>
        <ion-button type="submit" expand="block" [disabled]="form.busy() || resending()">
          @if (form.busy()) {
            <ion-spinner name="crescent" aria-hidden="true" />
            Confirming…
          } @else {
            Confirm
          }
        </ion-button>
        <ion-button
          fill="outline"
          expand="block"
          [disabled]="form.busy() || resending()"
          (click)="resend()"
        >
          @if (resending()) {
            <ion-spinner name="crescent" aria-hidden="true" />
            Sending…
          } @else {
            Send a new code
          }
        </ion-button>
        <p class="links"><a routerLink="/sign-in" [queryParams]="keep()">Back to sign in</a></p>
      </form>
    </ion-content>
  `,
  styleUrl: './auth-page.scss',
})
export class ConfirmSignUpPage {
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly router = inject(Router);
  private readonly flow = inject(SignInFlow);
  private readonly route = inject(ActivatedRoute);
  /** The returnUrl goes along from page to page, and comes back with the person. */
  readonly keep = () => keepReturnUrl(this.route);
  readonly unconfirmed = signal(false);
  readonly resending = signal(false);
  readonly resent = signal('');
  readonly form = new AuthForm(
    {
      fields: ['username', 'code'],
      labels: { username: 'Email', code: 'Code' },
      rules: (v) => ({
        ...emailRule(v.username),
        ...required(v, { code: 'Enter the code from the email.' }),
      }),
    },
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  constructor() {
    onQuery((query) => {
      this.unconfirmed.set(query.get('reason') === 'unconfirmed');
      this.resent.set('');
      this.form.reset({ username: query.get('username') ?? '' });
    });
  }

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const username = this.form.value('username').trim();
    this.resent.set('');
    await this.form.submit(
      async () => {
        const { nextStep } = await this.amplify.confirmSignUp({
          username,
          confirmationCode: this.form.value('code').trim(),
        });
        if (nextStep.signUpStep === 'COMPLETE_AUTO_SIGN_IN') {
          // Amplify still holds the password from sign-up on this page load.
          this.flow.username.set(username);
          await this.flow.follow(
            (await this.amplify.autoSignIn()).nextStep,
            this.route.snapshot.queryParamMap.get('returnUrl'),
          );
        } else {
          await this.router.navigate(['/sign-in'], {
            queryParams: { ...this.keep(), username, reason: 'confirmed' },
            replaceUrl: true,
          });
        }
      },
      (e) => authProblem(e, 'confirm-sign-up'),
    );
  }

  async resend(): Promise<void> {
    if (this.resending()) return;
    const username = this.form.value('username').trim();
    this.form.failure.set(null);
    this.resent.set('');
    const problem = emailRule(username).username;
    if (problem) {
      this.form.report({ field: 'username', message: problem });
      return;
    }
    this.resending.set(true);
    try {
      const out = await this.amplify.resendSignUpCode({ username });
      this.resent.set(`A new code was sent${sentTo(out.destination)}.`);
    } catch (e) {
      this.form.report(authProblem(e, 'resend-code'));
    } finally {
      this.resending.set(false);
    }
  }
}
