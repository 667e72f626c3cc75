import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { resetOnQuery } from './route-query';
import { PASSWORD, USERNAME } from './auth-fields';
import { authForm } from './auth-form';
import type { StepTexts } from './auth-step.component';
import { AuthService } from './auth.service';
import { SignInFlow } from './sign-in-flow';
import { stepNavigation } from './step-navigation';
import { STEP_PAGE_IMPORTS } from './step-page-imports';

const TEXTS: StepTexts = {
  bar: 'Sign in',
  heading: 'Sign in to Timers',
  action: 'Sign in',
  busyAction: 'Signing in…',
};

/** Why the person is here, from the page that sent them; its kind colours the note's edge. */
const NOTES: Record<string, { kind: 'success' | 'warning'; text: string }> = {
  expired: { kind: 'warning', text: 'Your session ended. Please sign in again.' },
  'signed-out': { kind: 'warning', text: 'You were signed out in another tab or window.' },
  confirmed: { kind: 'success', text: 'Your account is confirmed. Sign in to continue.' },
  'password-changed': {
    kind: 'success',
    text: 'Your password was changed. Sign in with the new one.',
  },
};

@Component({
  selector: 'app-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [STEP_PAGE_IMPORTS, RouterLink],
  template: `
    <app-auth-step [texts]="texts" [form]="form" (send)="submit()">
      @if (note(); as n) {
        <p class="note" [class]="n.kind" role="status" data-testid="sign-in-note">{{ n.text }}</p>
      }
      <app-auth-field [form]="form" name="username" autocomplete="username" />
      <app-auth-field [form]="form" name="password" autocomplete="current-password" />
      <a routerLink="/forgot-password" [queryParams]="withUsername()">Forgot your password?</a>
      <a routerLink="/sign-up" [queryParams]="nav.keep()">Create an account</a>
    </app-auth-step>
  `,
})
export class SignInPage {
  readonly texts = TEXTS;
  private readonly auth = inject(AuthService);
  private readonly flow = inject(SignInFlow);
  readonly nav = stepNavigation();
  readonly note = signal<(typeof NOTES)[string] | null>(null);
  readonly form = authForm({ username: USERNAME, password: PASSWORD });

  constructor() {
    resetOnQuery(this.form, (query) => {
      this.note.set(NOTES[query.get('reason') ?? ''] ?? null);
    });
  }

  withUsername(): Record<string, string> {
    const username = this.form.value('username').trim();
    return { ...this.nav.keep(), ...(username ? { username } : {}) };
  }

  async submit(): Promise<void> {
    const username = this.form.value('username').trim();
    await this.form.submit(async () => {
      this.flow.username.set(username);
      await this.nav.follow(await this.auth.signIn(username, this.form.value('password')));
    }, 'sign-in');
  }
}
