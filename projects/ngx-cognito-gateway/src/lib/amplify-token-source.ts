import { PLATFORM_ID, inject } from '@angular/core';
import { fetchAuthSession } from 'aws-amplify/auth';
import { AUTH_KEY_PREFIX, cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { Hub } from 'aws-amplify/utils';
import { shareRefreshesAcrossTabs } from './amplify-shared-refresh';
import { isNetworkFailure } from './errors';
import { CognitoSessionTokens, CognitoTokenSource, CognitoTokensChange } from './token-source';

/**
 * The default token source: Amplify v6, which caches and refreshes the session itself. No
 * `@Injectable()`: without constructor parameters Angular constructs it as it is.
 *
 * In the browser it makes Amplify's refreshes one per session across the tabs of the origin
 * (amplify-shared-refresh.ts), and reports changes made in other tabs from the storage events of
 * Amplify's keys, which every Amplify 6 version writes to localStorage by default (6.21 and later
 * can report them as Hub events too, only to listeners that ask for them).
 */
export class AmplifyTokenSource extends CognitoTokenSource {
  constructor() {
    super();
    // On the server nothing may touch Amplify (the session lives in the browser).
    if (inject(PLATFORM_ID) !== 'server') {
      shareRefreshesAcrossTabs(cognitoUserPoolsTokenProvider.tokenOrchestrator);
    }
  }

  async fetchTokens(options: {
    readonly forceRefresh: boolean;
  }): Promise<CognitoSessionTokens | null> {
    let tokens;
    try {
      ({ tokens } = await fetchAuthSession(options));
    } catch (error) {
      // Cognito refused the refresh token (a rotated-out one: RefreshTokenReuseException, which
      // Amplify throws where it answers NotAuthorizedException with no session) and Amplify has
      // cleared the session: signed out. A network failure leaves the session, and stays an error.
      if (isNetworkFailure(error) || (await storedSession())) throw error;
      return null;
    }
    if (!tokens?.accessToken) return null;
    return { accessToken: `${tokens.accessToken}`, idToken: tokens.idToken && `${tokens.idToken}` };
  }

  /**
   * Every Amplify auth event of this tab (signed in or out, token refreshed or refresh failed,
   * redirect sign-in), and every change of Amplify's stored keys by another tab, may have replaced
   * the tokens handed out earlier; dropping the copy is always safe.
   */
  override onTokensChanged(listener: (change: CognitoTokensChange) => void): () => void {
    const stopHub = Hub.listen('auth', () => listener({ inAnotherTab: false }));
    const onStorage = (event: StorageEvent) => {
      // `key` is null when another tab cleared the whole storage.
      if (event.key === null || event.key.startsWith(`${AUTH_KEY_PREFIX}.`)) {
        listener({ inAnotherTab: true });
      }
    };
    globalThis.addEventListener?.('storage', onStorage);
    return () => {
      stopHub();
      globalThis.removeEventListener?.('storage', onStorage);
    };
  }
}

/** Whether Amplify still holds a session, read from its store without any refresh. */
async function storedSession(): Promise<boolean> {
  return !!(await cognitoUserPoolsTokenProvider.tokenOrchestrator.getTokenStore().loadTokens());
}
