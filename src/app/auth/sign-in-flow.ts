import { DestroyRef, Injectable, inject, signal, type Signal } from '@angular/core';
import { Router } from '@angular/router';
import type { SignInOutput } from 'aws-amplify/auth';
import { safeReturnUrl } from 'ngx-cognito-gateway';
import { AMPLIFY_STEPS } from './amplify-steps';
import { UnsupportedStepError } from './auth-errors';
import { factorOffer, type FactorOffer } from './first-factors';

export type NextSignInStep = SignInOutput['nextStep'];
/** The shared secret and otpauth: URI builder of a TOTP setup (Amplify does not export the type). */
export type TotpSetupDetails = Extract<
  NextSignInStep,
  { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP' }
>['totpSetupDetails'];

/**
 * The sign-in steps that answer a challenge of Cognito's, each on its own page: a new password, a
 * TOTP code, the choice of a first factor, an emailed code.
 */
export type ChallengeStep = 'new-password' | 'totp' | 'choose' | 'email-code';

/**
 * The first factors Cognito offered the sign-in in progress, and the challenge its session still
 * waits for: SELECT_CHALLENGE (any factor), PASSWORD (Cognito asked for the password), or null
 * once the session was answered (a failed passkey, a wrong password): the next choice starts a
 * new sign-in. `until`: when Cognito's session ends (ms since the epoch).
 */
export interface FactorChoice {
  offer: FactorOffer;
  waiting: 'SELECT_CHALLENGE' | 'PASSWORD' | null;
  until: number;
}

/**
 * How long a challenge stays open: Cognito's session for it lasts 3 minutes, and Amplify keeps it
 * in the tab's sessionStorage as long, so a reload within them can still answer it.
 */
export const STEP_SESSION_MS = 3 * 60_000;

/** The challenge this tab is in, for whom, and until when (ms since the epoch). */
interface OpenStep {
  step: ChallengeStep;
  username: string;
  until: number;
}

/** The query a step's page opens with: the returnUrl, carried along. */
interface StepQuery {
  queryParams: Record<string, string>;
}

const OPEN_STEP_KEY = 'timers.openSignInStep';
const CHOICE_KEY = 'timers.signInChoice';

/** What the tab keeps under `key`, if it has the `until` of a record of ours. */
function readStored<T extends { until: number }>(key: string): T | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? 'null') as T | null;
    return stored && typeof stored.until === 'number' ? stored : null;
  } catch {
    return null;
  }
}

const readOpenStep = () => readStored<OpenStep>(OPEN_STEP_KEY);

/**
 * Follows Amplify's `nextStep` from signIn, confirmSignIn and autoSignIn to the page for that step,
 * or to the page the person came for when signed in. Amplify keeps the sign-in's own state (the
 * challenge session) in memory; this keeps what the pages show across steps.
 */
@Injectable({ providedIn: 'root' })
export class SignInFlow {
  private readonly router = inject(Router);
  private readonly amplify = inject(AMPLIFY_STEPS);
  /**
   * Who is signing in, for the pages' text and the authenticator app's account name; after a
   * reload, the one whose challenge is still open.
   */
  readonly username = signal(readOpenStep()?.username ?? '');
  /** The shared secret of a TOTP setup in progress. */
  readonly totpSetup = signal<TotpSetupDetails | null>(null);
  /** The first factors of a choice-based sign-in; kept in the tab, so the choice page reloads. */
  readonly choice = signal<FactorChoice | null>(readStored<FactorChoice>(CHOICE_KEY));

  /** Goes where `next` says; `returnUrl` is carried from page to page until signed in. */
  async follow(next: NextSignInStep, returnUrl: string | null): Promise<void> {
    const query: StepQuery = { queryParams: returnUrl ? { returnUrl } : {} };
    switch (next.signInStep) {
      case 'DONE':
        this.totpSetup.set(null);
        this.setChoice(null);
        sessionStorage.removeItem(OPEN_STEP_KEY);
        // Replacing the step's entry: Back from the page signed in to must not show a sign-in form.
        await this.router.navigateByUrl(safeReturnUrl(returnUrl, '/timers'), { replaceUrl: true });
        return;
      case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
        this.open('new-password');
        await this.router.navigate(['/sign-in/new-password'], query);
        return;
      case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
        this.open('totp');
        await this.router.navigate(['/sign-in/totp'], query);
        return;
      case 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION':
        return this.offer(factorOffer(next.availableChallenges), 'SELECT_CHALLENGE', query);
      case 'CONFIRM_SIGN_IN_WITH_PASSWORD':
        // Cognito asked for the password itself: the choice page, with that factor only.
        return this.offer(factorOffer(['PASSWORD']), 'PASSWORD', query);
      case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
        this.open('email-code');
        await this.router.navigate(['/sign-in/email-code'], query);
        return;
      case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
        this.totpSetup.set(next.totpSetupDetails);
        await this.router.navigate(['/sign-in/totp-setup'], query);
        return;
      case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
      case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
        // The app offers TOTP only; when the pool allows it, choose it for the person.
        if (next.allowedMFATypes?.includes('TOTP')) {
          const chosen = await this.amplify.confirmSignIn({ challengeResponse: 'TOTP' });
          return this.follow(chosen.nextStep, returnUrl);
        }
        break;
      case 'CONFIRM_SIGN_UP':
        await this.router.navigate(['/sign-up/confirm'], {
          queryParams: { ...query.queryParams, username: this.username(), reason: 'unconfirmed' },
        });
        return;
      case 'RESET_PASSWORD':
        await this.router.navigate(['/forgot-password'], {
          queryParams: { ...query.queryParams, username: this.username(), reason: 'required' },
        });
        return;
    }
    throw new UnsupportedStepError(
      `This account needs a sign-in step this app does not offer (${next.signInStep}). ` +
        'Ask your administrator to allow an authenticator app (TOTP) instead.',
    );
  }

  /**
   * Records what Cognito offered, whose session waits for `waiting` for the next 3 minutes, and
   * shows the choice page.
   */
  private async offer(
    offer: FactorOffer,
    waiting: FactorChoice['waiting'],
    query: StepQuery,
  ): Promise<void> {
    this.setChoice({ offer, waiting, until: Date.now() + STEP_SESSION_MS });
    this.open('choose');
    await this.router.navigate(['/sign-in/choose'], query);
  }

  /** The choice's Cognito session was answered: the next choice starts a new sign-in. */
  spendChoice(): void {
    const choice = this.choice();
    if (choice) this.setChoice({ ...choice, waiting: null });
  }

  private setChoice(choice: FactorChoice | null): void {
    this.choice.set(choice);
    if (choice) sessionStorage.setItem(CHOICE_KEY, JSON.stringify(choice));
    else sessionStorage.removeItem(CHOICE_KEY);
  }

  /**
   * Whether this tab holds the sign-in's `step` now, at a page's load, for the steps whose page can
   * start them again when Cognito's session ends (a choice, an emailed code): the choice as long
   * as the tab knows what was offered to whom, an emailed code within its 3 minutes.
   */
  openNow(step: 'choose' | 'email-code'): boolean {
    if (step === 'choose') return this.choice() !== null && this.username() !== '';
    const stored = readOpenStep();
    return stored?.step === step && stored.until > Date.now();
  }

  /**
   * Whether this tab still holds the sign-in's `step`: false at once on a page opened without
   * one (a reload after the 3 minutes, another tab, a bookmark), and turning false when the 3
   * minutes run out, so the page can say so before anyone types. Call where `inject` works.
   */
  stillOpen(step: ChallengeStep): Signal<boolean> {
    const stored = readOpenStep();
    const left = stored?.step === step ? stored.until - Date.now() : 0;
    const open = signal(left > 0);
    if (left > 0) {
      const timer = setTimeout(() => open.set(false), left);
      inject(DestroyRef).onDestroy(() => clearTimeout(timer));
    }
    return open.asReadonly();
  }

  /** Marks `step` open in this tab for the next 3 minutes, as following its challenge does. */
  open(step: ChallengeStep): void {
    const record: OpenStep = {
      step,
      username: this.username(),
      until: Date.now() + STEP_SESSION_MS,
    };
    sessionStorage.setItem(OPEN_STEP_KEY, JSON.stringify(record));
  }
}
