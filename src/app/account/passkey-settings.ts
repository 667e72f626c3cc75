import { computed, signal } from '@angular/core';
import type { AuthWebAuthnCredential } from 'aws-amplify/auth';
import { authProblem, type AuthAction } from '../auth/auth-errors';
import { displayDateTime } from '../timers/format';
import type { AmplifyAccountApi } from './amplify-account';

/** One of the person's passkeys as the page lists it. */
export interface Passkey {
  id: string;
  name: string;
  /** When it was added, as the app writes every date and time; '' when Cognito did not say. */
  added: string;
}

/** What the passkey list is doing; null when idle. */
export type PasskeyWork = 'loading' | 'adding' | 'removing' | null;

/** Cognito lists at most 20 passkeys a page (ListWebAuthnCredentials' MaxResults). */
const PAGE_SIZE = 20;

export function asPasskey(credential: AuthWebAuthnCredential): Passkey | null {
  if (!credential.credentialId) return null;
  return {
    id: credential.credentialId,
    name: credential.friendlyCredentialName?.trim() || 'Passkey',
    added: credential.createdAt ? displayDateTime(credential.createdAt.toISOString()) : '',
  };
}

/**
 * The signed-in person's passkeys, with Amplify's listWebAuthnCredentials,
 * associateWebAuthnCredential (the browser creates the passkey; Cognito verifies and keeps it) and
 * deleteWebAuthnCredential. What happened is one status line (role=status); the list is read
 * again after each change, so it shows what Cognito has, not what the page assumes.
 */
export class PasskeySettings {
  /** null until read, and when the read failed. */
  readonly passkeys = signal<Passkey[] | null>(null);
  readonly work = signal<PasskeyWork>('loading');
  private readonly said = signal<string | null>(null);
  readonly status = computed(() => this.said() ?? this.described());

  constructor(private readonly amplify: AmplifyAccountApi) {
    void this.load();
  }

  async load(): Promise<void> {
    await this.run('loading', 'passkeys', () => this.read());
  }

  /** The browser asks for a new passkey (its own dialog); Cognito checks and keeps it. */
  async add(): Promise<boolean> {
    return this.run('adding', 'passkey-add', async () => {
      await this.amplify.associateWebAuthnCredential();
      await this.read();
      this.said.set('Passkey added: next time, choose “Sign in with a passkey”.');
    });
  }

  async remove(passkey: Passkey): Promise<boolean> {
    return this.run('removing', 'passkeys', async () => {
      try {
        await this.amplify.deleteWebAuthnCredential({ credentialId: passkey.id });
      } finally {
        // Gone or not, the list shows what Cognito now has.
        await this.read().catch(() => undefined);
      }
      this.said.set(
        `“${passkey.name}” was removed: it no longer signs you in. Your device may still list it; ` +
          'you can delete it there.',
      );
    });
  }

  private described(): string {
    const passkeys = this.passkeys();
    if (this.work() === 'loading') return 'Checking…';
    if (passkeys === null) return '';
    if (passkeys.length === 0) {
      return 'No passkeys yet: add one to sign in with this device instead of your password.';
    }
    return passkeys.length === 1
      ? 'One passkey signs in to your account.'
      : `${passkeys.length} passkeys sign in to your account.`;
  }

  private async read(): Promise<void> {
    const all: Passkey[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.amplify.listWebAuthnCredentials({ pageSize: PAGE_SIZE, nextToken });
      all.push(...page.credentials.map(asPasskey).filter((p): p is Passkey => p !== null));
      nextToken = page.nextToken;
    } while (nextToken);
    this.passkeys.set(all);
  }

  /** One thing at a time; its failure becomes the status line in plain words. */
  private async run(work: PasskeyWork, failed: AuthAction, call: () => Promise<void>) {
    if (this.work() !== null && work !== 'loading') return false;
    this.work.set(work);
    this.said.set(null);
    try {
      await call();
      return true;
    } catch (e) {
      this.said.set(authProblem(e, failed).message);
      return false;
    } finally {
      this.work.set(null);
    }
  }
}
