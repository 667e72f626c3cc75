import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { apply, form } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import { RUNTIME_CONFIG } from '../config/runtime-config.token';
import { FormStatus } from '../ui/form-status';
import { resetOnQuery } from './route-query';
import { PASSWORD, USERNAME } from './auth-fields';
import { authCall } from './auth-form';
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

/** Choice-based sign-in: the username first; the next page offers what Cognito allows. */
const CHOICE_TEXTS: StepTexts = { ...TEXTS, action: 'Continue', busyAction: 'Continuing…' };

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
    <app-auth-step [texts]="texts" [status]="status" (send)="submit()">
      @if (note(); as n) {
        <p class="note" [class]="n.kind" role="status" data-testid="sign-in-note">{{ n.text }}</p>
      }
      <app-auth-field [field]="form.username" autocomplete="username" />
      @if (!choices) {
        <app-auth-field [field]="form.password" autocomplete="current-password" />
      }
      <a routerLink="/forgot-password" [queryParams]="withUsername()">Forgot your password?</a>
      <a routerLink="/sign-up" [queryParams]="nav.returnUrlQuery()">Create an account</a>
    </app-auth-step>
  `,
})
export class SignInPage {
  /** Username first, then the choice of factors (USER_AUTH); else username and password here. */
  readonly choices = inject(RUNTIME_CONFIG).choiceBasedSignIn;
  readonly texts = this.choices ? CHOICE_TEXTS : TEXTS;
  private readonly auth = inject(AuthService);
  private readonly flow = inject(SignInFlow);
  readonly nav = stepNavigation();
  readonly note = signal<(typeof NOTES)[string] | null>(null);
  readonly form = form(signal({ username: '', password: '' }), (f) => {
    apply(f.username, USERNAME);
    if (!this.choices) apply(f.password, PASSWORD);
  });
  readonly status = new FormStatus(this.form);

  constructor() {
    resetOnQuery(this.status, (query) => {
      this.note.set(NOTES[query.get('reason') ?? ''] ?? null);
    });
  }

  withUsername(): Record<string, string> {
    const username = this.form.username().value().trim();
    return { ...this.nav.returnUrlQuery(), ...(username ? { username } : {}) };
  }

  async submit(): Promise<void> {
    const { username, password } = this.form().value();
    await this.status.submit(
      authCall('sign-in', async () => {
        const name = username.trim();
        this.flow.username.set(name);
        const next = this.choices
          ? await this.auth.startChoice(name)
          : await this.auth.signIn(name, password);
        await this.nav.follow(next);
      }),
    );
  }
}
