import { Injectable, inject } from '@angular/core';
import type { SignInOutput } from 'aws-amplify/auth';
import { RUNTIME_CONFIG } from '../config/runtime-config.token';
import { AMPLIFY_AUTH } from './amplify-auth';
import type { FactorChallenge } from './first-factors';

/**
 * Signing in and out with Amplify. Whether the user is signed in, and who, is the library's
 * `CognitoAuthState`, which follows Amplify's auth events. The steps after the first are the lazy
 * pages' (`SignInFlow`), so they stay out of the initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly amplify = inject(AMPLIFY_AUTH);
  private readonly config = inject(RUNTIME_CONFIG);

  /** The first step, with the configured flow (SRP on AWS, USER_PASSWORD_AUTH on cognito-local). */
  async signIn(username: string, password: string): Promise<SignInOutput['nextStep']> {
    // A stale session would make Amplify refuse with UserAlreadyAuthenticatedException.
    await this.amplify.signOut().catch(() => undefined);
    const result = await this.amplify.signIn({
      username,
      password,
      options: { authFlowType: this.config.authFlow },
    });
    return result.nextStep;
  }

  /**
   * Choice-based sign-in (USER_AUTH): without `preferred`, Cognito answers with the first factors
   * this user may choose from; with a factor the user can use, its first step (a password given
   * with PASSWORD or PASSWORD_SRP signs in at once); otherwise the choice again.
   */
  async startChoice(
    username: string,
    preferred?: FactorChallenge,
    password?: string,
  ): Promise<SignInOutput['nextStep']> {
    await this.amplify.signOut().catch(() => undefined);
    const result = await this.amplify.signIn({
      username,
      ...(password === undefined ? {} : { password }),
      options: {
        authFlowType: 'USER_AUTH',
        ...(preferred === undefined ? {} : { preferredChallenge: preferred }),
      },
    });
    return result.nextStep;
  }

  async signOut(): Promise<void> {
    await this.amplify.signOut().catch(() => undefined);
  }
}
