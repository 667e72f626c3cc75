import { fetchAuthSession } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { CognitoSessionTokens, CognitoTokenSource } from './token-source';

/**
 * The default token source: Amplify v6, which caches and refreshes the session itself. No
 * `@Injectable()`: without constructor parameters Angular constructs it as it is.
 */
export class AmplifyTokenSource extends CognitoTokenSource {
  async fetchTokens(options: {
    readonly forceRefresh: boolean;
  }): Promise<CognitoSessionTokens | null> {
    const { tokens } = await fetchAuthSession(options);
    if (!tokens?.accessToken) return null;
    return { accessToken: `${tokens.accessToken}`, idToken: tokens.idToken && `${tokens.idToken}` };
  }

  /**
   * Every Amplify auth event (signed in or out, token refreshed or refresh failed, redirect
   * sign-in) may have replaced the tokens handed out earlier; dropping the copy is always safe.
   */
  override onTokensChanged(listener: () => void): () => void {
    return Hub.listen('auth', listener);
  }
}
