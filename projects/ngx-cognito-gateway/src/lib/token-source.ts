/**
 * The session's raw JWTs, as Amplify's `fetchAuthSession()` hands them out.
 *
 * @example
 * import type { CognitoSessionTokens } from 'ngx-cognito-gateway';
 * const tokens: CognitoSessionTokens = { accessToken: 'eyJ…', idToken: 'eyJ…' };
 */
export interface CognitoSessionTokens {
  readonly accessToken: string;
  readonly idToken?: string;
}

/**
 * Where tokens come from. The default asks Amplify v6 (`fetchAuthSession`), which stays the
 * source of truth: it caches, refreshes with the refresh token, and signs out. Replace it (see
 * `provideCognitoAuthTesting`) to test, or to take tokens from elsewhere.
 *
 * @example
 * import { CognitoTokenSource, provideCognitoAuth, type CognitoSessionTokens } from 'ngx-cognito-gateway';
 *
 * class StoredTokenSource extends CognitoTokenSource {
 *   async fetchTokens(): Promise<CognitoSessionTokens | null> {
 *     const accessToken = sessionStorage.getItem('access_token');
 *     return accessToken ? { accessToken } : null;
 *   }
 * }
 * providers: [provideCognitoAuth(config), { provide: CognitoTokenSource, useClass: StoredTokenSource }];
 */
export abstract class CognitoTokenSource {
  /** The current tokens, or `null` when signed out. Rejects only when the session could not be read. */
  abstract fetchTokens(options: {
    readonly forceRefresh: boolean;
  }): Promise<CognitoSessionTokens | null>;

  /**
   * The tokens if the source holds them in memory and can tell at once (`null`: signed out), or
   * `undefined` to have the interceptor and `CognitoAuthState` wait for `fetchTokens`. A fresh
   * token at hand goes out with the request in the same turn, no promise in the way: the testing
   * kit's source answers here, so a spec's `expectOne` right after `subscribe` finds the request.
   * Amplify has no synchronous read, so the default says `undefined`.
   */
  currentTokens(): CognitoSessionTokens | null | undefined {
    return undefined;
  }

  /**
   * Calls `listener` whenever tokens handed out earlier may no longer be current (sign-in,
   * sign-out, a refresh), so the interceptor drops its copy, and says whether the change was made
   * in another tab: then `cognitoAuthGuard` sends a user who is now signed out from a guarded page
   * to sign-in. Returns an unsubscribe.
   */
  onTokensChanged(_listener: (change: CognitoTokensChange) => void): () => void {
    return () => undefined;
  }
}

/**
 * What `CognitoTokenSource.onTokensChanged` tells its listeners: whether another tab or window of
 * the app (same origin, same storage) signed in, signed out or refreshed.
 *
 * @example
 * import { inject } from '@angular/core';
 * import { CognitoTokenSource, type CognitoTokensChange } from 'ngx-cognito-gateway';
 * // in a constructor or other injection context
 * inject(CognitoTokenSource).onTokensChanged((change: CognitoTokensChange) => {
 *   if (change.inAnotherTab) console.info('the session changed in another tab');
 * });
 */
export interface CognitoTokensChange {
  readonly inAnotherTab: boolean;
}
