import { Injectable } from '@angular/core';
import { fetchAuthSession } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { CognitoSessionTokens, CognitoTokenSource } from './token-source';

/** Amplify auth events after which a token handed out earlier may be stale. */
const TOKEN_CHANGING_EVENTS = new Set([
  'signedIn',
  'signedOut',
  'tokenRefresh',
  'tokenRefresh_failure',
  'signInWithRedirect',
]);

/** The default token source: Amplify v6, which caches and refreshes the session itself. */
@Injectable()
export class AmplifyTokenSource extends CognitoTokenSource {
  async fetchTokens(options: {
    readonly forceRefresh: boolean;
  }): Promise<CognitoSessionTokens | null> {
    const { tokens } = await fetchAuthSession({ forceRefresh: options.forceRefresh });
    if (!tokens?.accessToken) return null;
    return { accessToken: tokens.accessToken.toString(), idToken: tokens.idToken?.toString() };
  }

  override onTokensChanged(listener: () => void): () => void {
    return Hub.listen('auth', ({ payload }) => {
      if (TOKEN_CHANGING_EVENTS.has(payload.event)) listener();
    });
  }
}
