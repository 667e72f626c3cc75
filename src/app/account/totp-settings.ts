import { signal } from '@angular/core';
import type { FieldTree } from '@angular/forms/signals';
import { authProblem } from '../auth/auth-errors';
import { totpDigits } from '../auth/auth-fields';
import { authCall } from '../auth/auth-form';
import type { FormStatus } from '../ui/form-status';
import type { TotpSetupDetails } from '../auth/sign-in-flow';
import type { AmplifyAccountApi } from './amplify-account';

/** Where the signed-in person's authenticator app stands, as far as the page knows. */
export type TotpState = 'loading' | 'off' | 'on' | 'setting-up' | 'unknown';

const DESCRIBED: Record<TotpState, string> = {
  loading: 'Checking…',
  off: 'Off: signing in asks for your password only.',
  on: 'On: each sign-in also asks for the 6-digit code from your authenticator app.',
  'setting-up': 'Add the key to your authenticator app, then enter the code it shows.',
  unknown: '',
};

/**
 * Turning an authenticator app (TOTP) on and off for the signed-in person, with Amplify's
 * setUpTOTP, verifyTOTPSetup and updateMFAPreference: the key, a first code to prove the app has
 * it, then TOTP as the preferred second step. What happened is one status line (role=status).
 */
export class TotpSettings {
  readonly state = signal<TotpState>('loading');
  /** The key being set up; only in this page load, as Cognito hands it out once. */
  readonly setup = signal<TotpSetupDetails | null>(null);
  readonly busy = signal(false);
  private readonly said = signal<string | null>(null);

  constructor(
    private readonly amplify: AmplifyAccountApi,
    private readonly code: FieldTree<string>,
    private readonly form: FormStatus<{ code: string }>,
  ) {
    void this.load();
  }

  /** The one status line: what just happened, or else where things stand. */
  status(): string {
    return this.said() ?? DESCRIBED[this.state()];
  }

  async load(): Promise<void> {
    this.state.set('loading');
    await this.run(async () => {
      const { enabled } = await this.amplify.fetchMFAPreference();
      this.state.set(enabled?.includes('TOTP') ? 'on' : 'off');
    });
  }

  async start(): Promise<void> {
    await this.run(async () => {
      const details = await this.amplify.setUpTOTP();
      this.form.reset();
      this.setup.set(details);
      this.state.set('setting-up');
    });
  }

  /** The code the app shows proves it has the key; then TOTP is the preferred second step. */
  async verify(): Promise<void> {
    this.said.set(null);
    const code = totpDigits(this.code().value());
    await this.form.submit(
      authCall('account', async () => {
        await this.amplify.verifyTOTPSetup({ code });
        await this.amplify.updateMFAPreference({ totp: 'PREFERRED' });
        this.setup.set(null);
        this.state.set('on');
        this.said.set('Your authenticator app is on: the next sign-in asks for its code.');
      }),
    );
  }

  cancel(): void {
    this.setup.set(null);
    this.said.set(null);
    this.state.set('off');
  }

  async turnOff(): Promise<void> {
    await this.run(async () => {
      await this.amplify.updateMFAPreference({ totp: 'DISABLED' });
      this.state.set('off');
      this.said.set('Your authenticator app is off: signing in asks for your password only.');
    });
  }

  private async run(call: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.said.set(null);
    try {
      await call();
    } catch (e) {
      if (this.state() === 'loading') this.state.set('unknown');
      this.said.set(authProblem(e, 'account').message);
    } finally {
      this.busy.set(false);
    }
  }
}
