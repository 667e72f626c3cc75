import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { IonButton } from '@ionic/angular/ion-button';
import { IonContent } from '@ionic/angular/ion-content';
import { IonHeader } from '@ionic/angular/ion-header';
import { IonInput } from '@ionic/angular/ion-input';
import { IonNote } from '@ionic/angular/ion-note';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import { IonText } from '@ionic/angular/ion-text';
import { IonTitle } from '@ionic/angular/ion-title';
import { IonToolbar } from '@ionic/angular/ion-toolbar';
import { safeReturnUrl } from 'ngx-cognito-gateway';
import { AuthService, SignInError } from './auth.service';

@Component({
  selector: 'app-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    IonHeader,
    IonToolbar,
    IonTitle,
    IonContent,
    IonInput,
    IonButton,
    IonText,
    IonNote,
    IonSpinner,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary"><ion-title>Sign in</ion-title></ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form class="page-width" (submit)="submit($event)" aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">Sign in to Timers</h1>
        @if (expired) {
          <ion-note color="warning" role="status"
            >Your session ended. Please sign in again.</ion-note
          >
        }
        <ion-input
          label="Username"
          labelPlacement="stacked"
          fill="outline"
          name="username"
          autocomplete="username"
          [value]="username()"
          (ionInput)="username.set($any($event.target).value ?? '')"
          required
        />
        <ion-input
          label="Password"
          labelPlacement="stacked"
          fill="outline"
          type="password"
          name="password"
          autocomplete="current-password"
          [value]="password()"
          (ionInput)="password.set($any($event.target).value ?? '')"
          required
        />
        @if (error()) {
          <ion-text color="danger"
            ><p role="alert" class="error">{{ error() }}</p></ion-text
          >
        }
        <ion-button type="submit" expand="block" [disabled]="busy()">
          @if (busy()) {
            <ion-spinner name="dots" aria-hidden="true" />
          }
          Sign in
        </ion-button>
      </form>
    </ion-content>
  `,
  styles: `
    form {
      display: grid;
      gap: 1rem;
      max-width: 24rem;
    }
  `,
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  readonly username = signal('');
  readonly password = signal('');
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly expired = this.route.snapshot.queryParamMap.get('reason') === 'expired';

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    if (!this.username().trim() || !this.password()) {
      this.error.set('Enter your username and password.');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.signIn(this.username().trim(), this.password());
      const target = safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl'), '/timers');
      // Replacing the sign-in entry: Back from the page signed in to must not show the form.
      await this.router.navigateByUrl(target, { replaceUrl: true });
    } catch (e) {
      this.error.set(e instanceof SignInError ? e.message : 'Sign-in failed.');
    } finally {
      this.busy.set(false);
    }
  }
}
