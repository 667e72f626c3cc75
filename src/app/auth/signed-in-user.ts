import { effect, Injectable, inject, signal } from '@angular/core';
import { CognitoAuthState } from 'ngx-cognito-gateway';
import { AMPLIFY_AUTH } from './amplify-auth';

/**
 * Who is signed in, as a person reads it: the e-mail address in the session's ID token. The
 * library's auth state has the access token's claims, whose `username` is an id in a pool that
 * signs in with e-mail addresses; the address is read again whenever the session changes hands.
 */
@Injectable({ providedIn: 'root' })
export class SignedInUser {
  private readonly amplify = inject(AMPLIFY_AUTH);
  private readonly state = inject(CognitoAuthState);
  private readonly address = signal<string | null>(null);
  /** Reads started, so that only the newest one lands. */
  private reads = 0;

  constructor() {
    effect(() => {
      const read = ++this.reads;
      // Each new token reads again (an address can change); signed out, there is none.
      if (!this.state.claims()) return this.address.set(null);
      this.amplify.fetchAuthSession().then(
        ({ tokens }) => {
          const email = tokens?.idToken?.payload['email'];
          if (read === this.reads) this.address.set(typeof email === 'string' ? email : null);
        },
        () => undefined, // unread: the bar says "Signed in" without the address
      );
    });
  }

  /** The e-mail address, or null while signed out, not yet read, or when the read failed. */
  email(): string | null {
    return this.address();
  }
}
