import { Injectable, inject, signal } from '@angular/core';
import { RUNTIME_CONFIG } from '../config/runtime-config.token';
import { AMPLIFY_AUTH } from './amplify-auth';

export class SignInError extends Error {
  override readonly name = 'SignInError';
}

/** Sign-in state as a signal; Amplify keeps the tokens, the library's interceptor reads them. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly amplify = inject(AMPLIFY_AUTH);
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly _username = signal<string | null>(null);
  readonly username = this._username.asReadonly();

  /** Asks Amplify (local token storage, no network when tokens are present). */
  async isSignedIn(): Promise<boolean> {
    try {
      const user = await this.amplify.getCurrentUser();
      this._username.set(user.username);
      return true;
    } catch {
      this._username.set(null);
      return false;
    }
  }

  async signIn(username: string, password: string): Promise<void> {
    // A stale session would make Amplify refuse with UserAlreadyAuthenticatedException.
    await this.amplify.signOut().catch(() => undefined);
    let result;
    try {
      result = await this.amplify.signIn({
        username,
        password,
        options: { authFlowType: this.config.authFlow },
      });
    } catch (e) {
      throw new SignInError(messageFor(e));
    }
    if (!result.isSignedIn) {
      throw new SignInError(
        `This demo cannot complete the next sign-in step (${result.nextStep.signInStep}).`,
      );
    }
    this._username.set(username);
  }

  async signOut(): Promise<void> {
    await this.amplify.signOut().catch(() => undefined);
    this._username.set(null);
  }
}

function messageFor(e: unknown): string {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'NotAuthorizedException' || name === 'UserNotFoundException') {
    return 'Wrong username or password.';
  }
  if (name === 'NetworkError' || e instanceof TypeError) {
    return 'The sign-in service could not be reached.';
  }
  return (e as Error | null)?.message || 'Sign-in failed.';
}
