import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { CognitoTokenSource } from 'ngx-cognito-gateway';

/**
 * Who is signed in, as a person reads it: the e-mail address in the session's ID token. The
 * library's auth state has the access token's claims, whose `username` is an id in a pool that
 * signs in with e-mail addresses. Read from the library's token source, again whenever the tokens
 * change (sign-in, sign-out, refresh).
 */
@Injectable({ providedIn: 'root' })
export class SignedInUser {
  private readonly tokens = inject(CognitoTokenSource);
  private readonly address = signal<string | null>(null);
  /** Reads started, so that only the newest one lands. */
  private reads = 0;

  constructor() {
    void this.read();
    inject(DestroyRef).onDestroy(this.tokens.onTokensChanged(() => void this.read()));
  }

  /** The e-mail address, or null while signed out, not yet read, or when the read failed. */
  email(): string | null {
    return this.address();
  }

  private async read(): Promise<void> {
    const read = ++this.reads;
    const session = await this.tokens.fetchTokens({ forceRefresh: false }).catch(() => null);
    if (read === this.reads) this.address.set(emailOf(session?.idToken));
  }
}

/** The `email` claim of a JWT, decoded as UTF-8; null when there is none. */
function emailOf(token: string | undefined): string | null {
  try {
    const base64 = token!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const email: unknown = JSON.parse(new TextDecoder().decode(bytes)).email;
    return typeof email === 'string' ? email : null;
  } catch {
    return null;
  }
}
