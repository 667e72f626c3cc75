import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { IonBackButton } from '@ionic/angular/ion-back-button';
import { IonButton } from '@ionic/angular/ion-button';
import { IonButtons } from '@ionic/angular/ion-buttons';
import { IonContent } from '@ionic/angular/ion-content';
import { IonHeader } from '@ionic/angular/ion-header';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import { IonTitle } from '@ionic/angular/ion-title';
import { IonToolbar } from '@ionic/angular/ion-toolbar';
import { RUNTIME_CONFIG } from '../config/runtime-config.token';
import { AMPLIFY_STEPS } from './amplify-steps';
import { keepReturnUrl } from './route-query';
import { authProblem } from './auth-errors';
import { AuthFieldComponent } from './auth-field.component';
import { AuthForm } from './auth-form';
import { emailRule } from './email-rule';
import { newPasswordRules } from './password-rules';
import { SignInFlow } from './sign-in-flow';

/** Sign-up with an email address as the username, confirmed by a code sent to it. */
@Component({
  selector: 'app-sign-up',
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
        <ion-title>Create an account</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form class="page-width" (submit)="submit($event)" aria-labelledby="heading" novalidate>
        <h1 id="heading">Create an account</h1>
        <p>We will email you a code to confirm the address.</p>
        <app-auth-field
          [form]="form"
          name="username"
          type="email"
          inputmode="email"
          autocomplete="email"
        />
        <app-auth-field [form]="form" name="password" type="password" autocomplete="new-password" />
        <app-auth-field [form]="form" name="repeat" type="password" autocomplete="new-password" />
        <div class="field-error" role="alert">{{ form.failure() ?? '' }}</div>
        <div class="field-error" role="status">{{ form.summary() }}</div>
        <ion-button type="submit" expand="block" [disabled]="form.busy()">
          @if (form.busy()) {
            <ion-spinner name="crescent" aria-hidden="true" />
            Creating…
          } @else {
            Create account
          }
        </ion-button>
        <p class="links">
          <a routerLink="/sign-in" [queryParams]="keep()">I have an account</a>
          <a routerLink="/sign-up/confirm" [queryParams]="keep()">I have a code</a>
        </p>
      </form>
    </ion-content>
  `,
  styleUrl: './auth-page.scss',
})
export class SignUpPage {
  private readonly amplify = inject(AMPLIFY_STEPS);
  private readonly router = inject(Router);
  private readonly flow = inject(SignInFlow);
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly route = inject(ActivatedRoute);
  /** The returnUrl goes along from page to page, and comes back with the person. */
  readonly keep = () => keepReturnUrl(this.route);
  readonly form = new AuthForm(
    {
      fields: ['username', 'password', 'repeat'],
      labels: { username: 'Email', password: 'Password', repeat: 'Repeat password' },
      rules: (v) => ({
        ...emailRule(v.username),
        ...newPasswordRules(v),
        ...(v.password ? {} : { password: 'Choose a password.' }),
      }),
    },
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const username = this.form.value('username').trim();
    await this.form.submit(
      async () => {
        const { nextStep } = await this.amplify.signUp({
          username,
          password: this.form.value('password'),
          options: {
            userAttributes: { email: username },
            // After the code, Amplify signs in with the same flow as the sign-in page.
            autoSignIn: { authFlowType: this.config.authFlow },
          },
        });
        if (nextStep.signUpStep === 'CONFIRM_SIGN_UP') {
          await this.router.navigate(['/sign-up/confirm'], {
            queryParams: { ...this.keep(), username },
          });
        } else if (nextStep.signUpStep === 'COMPLETE_AUTO_SIGN_IN') {
          // A pool that confirms on its own (a pre-sign-up Lambda): no code to enter.
          this.flow.username.set(username);
          await this.flow.follow(
            (await this.amplify.autoSignIn()).nextStep,
            this.route.snapshot.queryParamMap.get('returnUrl'),
          );
        } else {
          await this.router.navigate(['/sign-in'], {
            queryParams: { ...this.keep(), username, reason: 'confirmed' },
          });
        }
      },
      (e) => authProblem(e, 'sign-up'),
    );
  }
}
