// The default token source on the real Amplify of this page (configured for a pool that is never
// called: Cognito's refresh is a fake on Amplify's own token orchestrator), through HttpClient and
// the interceptor, as an app uses it. Another tab is a second Amplify token orchestrator over the
// same localStorage; its writes reach this page as the storage events a browser would fire.
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Amplify } from 'aws-amplify';
import {
  AUTH_KEY_PREFIX,
  DefaultTokenStore,
  TokenOrchestrator,
  cognitoUserPoolsTokenProvider,
} from 'aws-amplify/auth/cognito';
import { defaultStorage } from 'aws-amplify/utils';
import {
  CognitoAuthState,
  CognitoTokenSource,
  CognitoTokensChange,
  cognitoAuthInterceptor,
  provideCognitoAuth,
} from 'ngx-cognito-gateway';
import { fakeJwt } from 'ngx-cognito-gateway/testing';
import { shareRefreshesAcrossTabs } from './amplify-shared-refresh';
import { decodeJwtPayload } from './jwt';

type Refresher = Parameters<TokenOrchestrator['setTokenRefresher']>[0];
type Session = Parameters<Refresher>[0]['tokens'];

const API = 'https://api.example.com/tasks';
const COGNITO = { userPoolId: 'eu-west-1_karma', userPoolClientId: 'karma-client' };
const orchestrator = cognitoUserPoolsTokenProvider.tokenOrchestrator;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function session(accessToken: string, refreshToken = 'r0'): Session {
  const payload = decodeJwtPayload(accessToken) as Session['accessToken']['payload'];
  const jwt = { payload, toString: () => accessToken };
  return { accessToken: jwt, idToken: jwt, refreshToken, clockDrift: 0, username: 'alice' };
}

/** A token issued an hour ago that expires in `seconds`: due for a refresh by the interceptor. */
function dueToken(seconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  return fakeJwt({ expiresInSeconds: seconds, claims: { iat: now + seconds - 3600 } });
}

/** What another tab's writes to Amplify's keys look like here: a storage event per key. */
function storageEventsFromAnotherTab(): void {
  for (const key of Object.keys(localStorage).filter((k) => k.startsWith(AUTH_KEY_PREFIX))) {
    window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage }));
  }
  window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: localStorage }));
}

describe('AmplifyTokenSource', () => {
  let original: Refresher;
  const calls: string[] = [];
  let refuseWith: string | undefined;

  beforeAll(() => Amplify.configure({ Auth: { Cognito: COGNITO } }));

  beforeEach(() => {
    calls.length = 0;
    refuseWith = undefined;
    original = orchestrator.getTokenRefresher();
    // Cognito: a new session per call, or the error named by `refuseWith`.
    orchestrator.setTokenRefresher(async ({ tokens }) => {
      calls.push(tokens.refreshToken!);
      await sleep(20);
      if (refuseWith) throw Object.assign(new Error(refuseWith), { name: refuseWith });
      return session(fakeJwt({ expiresInSeconds: 3600 }), `r${calls.length}`);
    });
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
        provideHttpClientTesting(),
        provideCognitoAuth({ allowedUrls: [API] }),
      ],
    });
  });

  afterEach(async () => {
    await orchestrator.clearTokens();
    orchestrator.setTokenRefresher(original);
  });

  const store = () => orchestrator.getTokenStore();
  const stored = async () => (await store().loadTokens())?.accessToken.toString();

  /** The next request to the API, once it has its token. */
  async function nextRequest(): Promise<TestRequest> {
    const backend = TestBed.inject(HttpTestingController);
    TestBed.inject(HttpClient)
      .get(API)
      .subscribe({ error: () => undefined });
    for (;;) {
      const [request] = backend.match(API);
      if (request) return request;
      await sleep(5);
    }
  }

  it("reports changes of Amplify's keys made in another tab, and nothing else", () => {
    const source = TestBed.inject(CognitoTokenSource);
    const changes: CognitoTokensChange[] = [];
    const stop = source.onTokensChanged((change) => changes.push(change));
    window.dispatchEvent(new StorageEvent('storage', { key: 'theme', storageArea: localStorage }));
    expect(changes).toEqual([]);
    storageEventsFromAnotherTab();
    expect(changes).toEqual([{ inAnotherTab: true }]);
    stop();
    storageEventsFromAnotherTab();
    expect(changes.length).toBe(1);
  });

  it('sends no request with the old token once another tab signed out', async () => {
    const token = fakeJwt({ expiresInSeconds: 3600 });
    await store().storeTokens(session(token));
    const state = TestBed.inject(CognitoAuthState);
    const first = await nextRequest();
    expect(first.request.headers.get('Authorization')).toBe(`Bearer ${token}`);
    first.flush([]);
    expect(state.signedIn()).toBe(true);

    await store().clearTokens(); // what the other tab's signOut() wrote
    storageEventsFromAnotherTab();
    const after = await nextRequest();
    expect(after.request.headers.has('Authorization')).toBe(false);
    after.flush(null, { status: 401, statusText: 'Unauthorized' });
    await sleep(10);
    expect(state.signedIn()).toBe(false);
    expect(calls).toEqual([]);
  });

  it('makes one refresh when this tab and another need one at the same time', async () => {
    await store().storeTokens(session(dueToken(30)));
    const otherTab = new TokenOrchestrator();
    const otherStore = new DefaultTokenStore();
    otherStore.setKeyValueStorage(defaultStorage);
    otherStore.setAuthConfig({ Cognito: COGNITO });
    otherTab.setAuthConfig({ Cognito: COGNITO });
    otherTab.setAuthTokenStore(otherStore);
    otherTab.setTokenRefresher(orchestrator.getTokenRefresher()); // the same Cognito
    shareRefreshesAcrossTabs(otherTab);
    TestBed.inject(CognitoTokenSource); // shares this tab's refreshes

    const [request, elsewhere] = await Promise.all([
      nextRequest(), // due: the interceptor forces a refresh
      otherTab.getTokens({ forceRefresh: true }),
    ]);
    expect(calls).toEqual(['r0']);
    const fresh = await stored();
    expect(elsewhere?.accessToken.toString()).toBe(fresh);
    expect(request.request.headers.get('Authorization')).toBe(`Bearer ${fresh}`);
  });

  it('answers no session, not an error, when Cognito refuses a rotated-out refresh token', async () => {
    await store().storeTokens(session(fakeJwt({ expiresInSeconds: 3600 })));
    const source = TestBed.inject(CognitoTokenSource);
    // Amplify throws this one (where it answers NotAuthorizedException with no session), after
    // clearing its tokens.
    refuseWith = 'RefreshTokenReuseException';
    expect(await source.fetchTokens({ forceRefresh: true })).toBeNull();
    expect(await stored()).toBeUndefined();
  });

  it('passes a network failure on, the session kept', async () => {
    const token = fakeJwt({ expiresInSeconds: 3600 });
    await store().storeTokens(session(token));
    const source = TestBed.inject(CognitoTokenSource);
    refuseWith = 'NetworkError';
    await expectAsync(source.fetchTokens({ forceRefresh: true })).toBeRejectedWith(
      jasmine.objectContaining({ name: 'NetworkError' }),
    );
    expect(await stored()).toBe(token);
  });
});
