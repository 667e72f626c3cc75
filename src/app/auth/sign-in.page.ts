import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { IonButton } from '@ionic/angular/ion-button';
import { IonContent } from '@ionic/angular/ion-content';
import { IonHeader } from '@ionic/angular/ion-header';
import { IonNote } from '@ionic/angular/ion-note';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import { IonTitle } from '@ionic/angular/ion-title';
import { IonToolbar } from '@ionic/angular/ion-toolbar';
import { authProblem } from './auth-errors';
import { keepReturnUrl, onQuery } from './route-query';
import { AuthFieldComponent } from './auth-field.component';
import { AuthForm, required } from './auth-form';
import { AuthService } from './auth.service';
import { SignInFlow } from './sign-in-flow';

/** Why the person is here, from the page that sent them. */
const NOTES: Record<string, { color: string; text: string }> = {
  expired: { color: 'warning', text: 'Your session ended. Please sign in again.' },
  confirmed: { color: 'success', text: 'Your account is confirmed. Sign in to continue.' },
  'password-changed': {
    color: 'success',
    text: 'Your password was changed. Sign in with the new one.',
  },
};

@Component({
  selector: 'app-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    IonHeader,
    IonToolbar,
    IonTitle,
    IonContent,
    IonButton,
    IonNote,
    IonSpinner,
    RouterLink,
    AuthFieldComponent,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary"><ion-title>Sign in</ion-title></ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form
        class="page-width"
        (submit)="submit($event)"
        aria-labelledby="sign-in-heading"
        novalidate
      >
        <h1 id="sign-in-heading">Sign in to Timers</h1>
        @if (note(); as n) {
          <ion-note [color]="n.color" role="status">{{ n.text }}</ion-note>
        }
        <app-auth-field [form]="form" name="username" autocomplete="username" />
        <app-auth-field
          [form]="form"
          name="password"
          type="password"
          autocomplete="current-password"
        />
        <div class="field-error" role="alert">{{ form.failure() ?? '' }}</div>
        <div class="field-error" role="status">{{ form.summary() }}</div>
        <ion-button type="submit" expand="block" [disabled]="form.busy()">
          @if (form.busy()) {
            <ion-spinner name="crescent" aria-hidden="true" />
            Signing in…
          } @else {
            Sign in
          }
        </ion-button>
        <p class="links">
          <a routerLink="/forgot-password" [queryParams]="withUsername()">Forgot your password?</a>
          <a routerLink="/sign-up" [queryParams]="keep()">Create an account</a>
        </p>
      </form>
    </ion-content>
  `,
  styleUrl: './auth-page.scss',
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly flow = inject(SignInFlow);
  private readonly route = inject(ActivatedRoute);
  readonly note = signal<{ color: string; text: string } | null>(null);
  /** The returnUrl goes along from page to page, and comes back with the person. */
  readonly keep = () => keepReturnUrl(this.route);
  readonly form = new AuthForm(
    {
      fields: ['username', 'password'],
      labels: { username: 'Username', password: 'Password' },
      rules: (v) =>
        required(v, { username: 'Enter your username.', password: 'Enter your password.' }),
    },
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  constructor() {
    onQuery((query) => {
      this.note.set(NOTES[query.get('reason') ?? ''] ?? null);
      this.form.reset({ username: query.get('username') ?? '' });
    });
  }

  withUsername(): Record<string, string> {
    const username = this.form.value('username').trim();
    return { ...this.keep(), ...(username ? { username } : {}) };
  }

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const username = this.form.value('username').trim();
    await this.form.submit(
      async () => {
        this.flow.username.set(username);
        const next = await this.auth.signIn(username, this.form.value('password'));
        await this.flow.follow(next, this.route.snapshot.queryParamMap.get('returnUrl'));
      },
      (e) => authProblem(e, 'sign-in'),
    );
  }
}
