import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { CognitoTokenSource } from 'ngx-cognito-gateway';
import { stringClaim } from './jwt-claim';
import { PageUser } from './page-user';

/**
 * Who is signed in, as a person reads it: the e-mail address in the session's ID token. The
 * library's auth state has the access token's claims, whose `username` is an id in a pool that
 * signs in with e-mail addresses. Read from the library's token source, again whenever the tokens
 * change (sign-in, sign-out, refresh, here or in another tab). Another user than the page's is
 * never shown: the page reloads instead (`PageUser`).
 */
@Injectable({ providedIn: 'root' })
export class SignedInUser {
  private readonly tokens = inject(CognitoTokenSource);
  private readonly page = inject(PageUser);
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
    if (read !== this.reads || !this.page.accepts(session?.accessToken)) return;
    this.address.set(stringClaim(session?.idToken, 'email'));
  }
}
