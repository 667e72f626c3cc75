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
import { newPasswordRules } from './password-rules';
import { SignInFlow } from './sign-in-flow';

/** CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED: an admin-created user replaces the temporary password. */
@Component({
  selector: 'app-new-password',
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
        <ion-title>New password</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form class="page-width" (submit)="submit($event)" aria-labelledby="heading" novalidate>
        <h1 id="heading">Choose a new password</h1>
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
        <app-auth-field [form]="form" name="password" type="password" autocomplete="new-password" />
        <app-auth-field [form]="form" name="repeat" type="password" autocomplete="new-password" />
        <div class="field-error" role="alert">{{ form.failure() ?? '' }}</div>
        <div class="field-error" role="status">{{ form.summary() }}</div>
        <ion-button type="submit" expand="block" [disabled]="form.busy()">
          @if (form.busy()) {
            <ion-spinner name="crescent" aria-hidden="true" />
            Saving…
          } @else {
            Set password and sign in
          }
        </ion-button>
        <p class="links"><a routerLink="/sign-in">Start again</a></p>
      </form>
    </ion-content>
  `,
  styleUrl: './auth-page.scss',
})
export class NewPasswordPage {
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly flow = inject(SignInFlow);
  private readonly route = inject(ActivatedRoute);
  readonly username = this.flow.username;
  readonly form = new AuthForm(
    {
      fields: ['password', 'repeat'],
      labels: { password: 'New password', repeat: 'Repeat new password' },
      rules: newPasswordRules,
    },
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    await this.form.submit(
      async () => {
        const { nextStep } = await this.amplify.confirmSignIn({
          challengeResponse: this.form.value('password'),
        });
        await this.flow.follow(nextStep, this.route.snapshot.queryParamMap.get('returnUrl'));
      },
      (e) => authProblem(e, 'sign-in-step'),
    );
  }
}
