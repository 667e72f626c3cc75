import { Injectable, inject } from '@angular/core';
import { RUNTIME_CONFIG } from '../config/runtime-config.token';
import { AMPLIFY_AUTH } from './amplify-auth';

export class SignInError extends Error {
  override readonly name = 'SignInError';
}

/**
 * Signing in and out with Amplify. Whether the user is signed in, and who, is the library's
 * `CognitoAuthState`, which follows Amplify's auth events.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly amplify = inject(AMPLIFY_AUTH);
  private readonly config = inject(RUNTIME_CONFIG);

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
  }

  async signOut(): Promise<void> {
    await this.amplify.signOut().catch(() => undefined);
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
