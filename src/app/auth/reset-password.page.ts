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
import { newPasswordRules } from './password-rules';

/** Forgot password, second half: the emailed code and a new password (confirmResetPassword). */
@Component({
  selector: 'app-reset-password',
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
          ><ion-back-button defaultHref="/forgot-password" aria-label="Back"
        /></ion-buttons>
        <ion-title>New password</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form class="page-width" (submit)="submit($event)" aria-labelledby="heading" novalidate>
        <h1 id="heading">Choose a new password</h1>
        <p>
          If an account exists for this username, we emailed a code{{ sent() }}. Enter it with a new
          password.
        </p>
        <app-auth-field [form]="form" name="username" autocomplete="username" />
        <app-auth-field
          [form]="form"
          name="code"
          autocomplete="one-time-code"
          inputmode="numeric"
        />
        <app-auth-field [form]="form" name="password" type="password" autocomplete="new-password" />
        <app-auth-field [form]="form" name="repeat" type="password" autocomplete="new-password" />
        <div class="field-error" role="alert">{{ form.failure() ?? '' }}</div>
        <div class="field-error" role="status">{{ form.summary() }}</div>
        <p role="status" data-testid="resend-status">{{ resent() }}</p>
        <ion-button type="submit" expand="block" [disabled]="form.busy() || resending()">
          @if (form.busy()) {
            <ion-spinner name="crescent" aria-hidden="true" />
            Saving…
          } @else {
            Change password
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
export class ResetPasswordPage {
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  /** The returnUrl goes along from page to page, and comes back with the person. */
  readonly keep = () => keepReturnUrl(this.route);
  readonly sent = signal('');
  readonly resending = signal(false);
  readonly resent = signal('');
  readonly form = new AuthForm(
    {
      fields: ['username', 'code', 'password', 'repeat'],
      labels: {
        username: 'Username',
        code: 'Code',
        password: 'New password',
        repeat: 'Repeat new password',
      },
      rules: (v) => ({
        ...required(v, {
          username: 'Enter your username.',
          code: 'Enter the code from the email.',
        }),
        ...newPasswordRules(v),
      }),
    },
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  constructor() {
    onQuery((query) => {
      this.sent.set(sentTo(query.get('sentTo') ?? undefined));
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
        await this.amplify.confirmResetPassword({
          username,
          confirmationCode: this.form.value('code').trim(),
          newPassword: this.form.value('password'),
        });
        await this.router.navigate(['/sign-in'], {
          queryParams: { ...this.keep(), username, reason: 'password-changed' },
          replaceUrl: true,
        });
      },
      (e) => authProblem(e, 'reset-password'),
    );
  }

  async resend(): Promise<void> {
    if (this.resending()) return;
    const username = this.form.value('username').trim();
    this.form.failure.set(null);
    this.resent.set('');
    if (!username) {
      this.form.report({ field: 'username', message: 'Enter your username.' });
      return;
    }
    this.resending.set(true);
    try {
      const out = await this.amplify.resetPassword({ username });
      this.resent.set(
        `A new code was sent${sentTo(out.nextStep.codeDeliveryDetails.destination)}.`,
      );
    } catch (e) {
      // An unknown user reads as a sent code, as on the first page.
      if ((e as { name?: string } | null)?.name === 'UserNotFoundException') {
        this.resent.set('A new code was sent.');
      } else this.form.report(authProblem(e, 'forgot-password'));
    } finally {
      this.resending.set(false);
    }
  }
}
