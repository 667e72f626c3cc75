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

/** Forgot password, first half: Cognito emails a code (resetPassword). */
@Component({
  selector: 'app-forgot-password',
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
        <ion-title>Reset password</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form class="page-width" (submit)="submit($event)" aria-labelledby="heading" novalidate>
        <h1 id="heading">Reset your password</h1>
        <p>
          @if (required()) {
            Your password must be reset before you can sign in.
          }
          Enter your username and we will email you a code to choose a new password.
        </p>
        <app-auth-field [form]="form" name="username" autocomplete="username" />
        <div class="field-error" role="alert">{{ form.failure() ?? '' }}</div>
        <div class="field-error" role="status">{{ form.summary() }}</div>
        <ion-button type="submit" expand="block" [disabled]="form.busy()">
          @if (form.busy()) {
            <ion-spinner name="crescent" aria-hidden="true" />
            Sending…
          } @else {
            Send code
          }
        </ion-button>
        <p class="links">
          <a routerLink="/sign-in" [queryParams]="keep()">Back to sign in</a>
          <a routerLink="/forgot-password/confirm" [queryParams]="keep()">I have a code</a>
        </p>
      </form>
    </ion-content>
  `,
  styleUrl: './auth-page.scss',
})
export class ForgotPasswordPage {
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  /** The returnUrl goes along from page to page, and comes back with the person. */
  readonly keep = () => keepReturnUrl(this.route);
  readonly required = signal(false);
  readonly form = new AuthForm(
    {
      fields: ['username'],
      labels: { username: 'Username' },
      rules: (v) => required(v, { username: 'Enter your username.' }),
    },
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  constructor() {
    onQuery((query) => {
      this.required.set(query.get('reason') === 'required');
      this.form.reset({ username: query.get('username') ?? '' });
    });
  }

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const username = this.form.value('username').trim();
    const next = (destination?: string) =>
      this.router.navigate(['/forgot-password/confirm'], {
        queryParams: { ...this.keep(), username, ...(destination ? { sentTo: destination } : {}) },
      });
    await this.form.submit(
      async () => {
        try {
          const out = await this.amplify.resetPassword({ username });
          await next(out.nextStep.codeDeliveryDetails.destination);
        } catch (e) {
          // The same page for an unknown user, as Cognito does with prevent-user-existence-errors:
          // this form must not tell who has an account.
          if ((e as { name?: string } | null)?.name !== 'UserNotFoundException') throw e;
          await next();
        }
      },
      (e) => authProblem(e, 'forgot-password'),
    );
  }
}
