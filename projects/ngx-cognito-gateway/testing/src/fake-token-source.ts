import { CognitoSessionTokens, CognitoTokenSource, CognitoTokensChange } from 'ngx-cognito-gateway';

/**
 * How `provideCognitoAuthTesting` starts; signed in with a fresh fake token by default.
 *
 * @example
 * import { TestBed } from '@angular/core/testing';
 * import { CognitoAuthState } from 'ngx-cognito-gateway';
 * import { provideCognitoAuthTesting } from 'ngx-cognito-gateway/testing';
 *
 * TestBed.configureTestingModule({ providers: [provideCognitoAuthTesting({ signedOut: true })] });
 * expect(TestBed.inject(CognitoAuthState).signedIn()).toBe(false);
 */
export interface CognitoAuthTestingOptions {
  /** A fixed token to hand out; by default a JWT-shaped (unsigned) token valid for an hour. */
  readonly token?: string;
  /** The first token handed out is already expired; a refresh returns a valid one. */
  readonly expired?: boolean;
  /** Start signed out. */
  readonly signedOut?: boolean;
}

/**
 * A token source for tests: no Amplify, no network. It hands out its session at once
 * (`currentTokens`), so a request made in a spec reaches `HttpTestingController` in the same turn
 * and `CognitoAuthState` follows `signIn()`/`signOut()` without waiting; only a refresh (an
 * `expired` token, a 401) takes a turn of the event loop. Counts calls so tests can assert how
 * many refreshes happened; `signIn()` and `signOut()` also drive `cognitoAuthGuard`, as Amplify's
 * Hub events do, and with `{ inAnotherTab: true }` they stand for another tab of the app.
 *
 * @example
 * import { TestBed } from '@angular/core/testing';
 * import { CognitoAuthState } from 'ngx-cognito-gateway';
 * import {
 *   FakeCognitoTokenSource,
 *   fakeJwt,
 *   provideCognitoAuthTesting,
 * } from 'ngx-cognito-gateway/testing';
 *
 * TestBed.configureTestingModule({ providers: [provideCognitoAuthTesting({ signedOut: true })] });
 * const tokens = TestBed.inject(FakeCognitoTokenSource);
 * const auth = TestBed.inject(CognitoAuthState);
 * expect(auth.signedIn()).toBe(false);
 * tokens.signIn(fakeJwt({ expiresInSeconds: 3600, claims: { username: 'alice' } }));
 * expect(auth.username()).toBe('alice');
 * expect(await auth.check()).toBe(true);
 */
export class FakeCognitoTokenSource extends CognitoTokenSource {
  fetchCount = 0;
  forceRefreshCount = 0;
  private tokens: CognitoSessionTokens | null;
  private failure: unknown;
  private readonly listeners = new Set<(change: CognitoTokensChange) => void>();

  constructor(private readonly options: CognitoAuthTestingOptions = {}) {
    super();
    this.tokens = options.signedOut
      ? null
      : sessionOf(options.token ?? fakeJwt({ expiresInSeconds: options.expired ? -60 : 3600 }));
  }

  async fetchTokens({ forceRefresh }: { readonly forceRefresh: boolean }) {
    this.fetchCount++;
    if (forceRefresh) this.forceRefreshCount++;
    if (this.failure !== undefined) throw this.failure;
    if (forceRefresh && this.tokens) {
      this.tokens = sessionOf(this.options.token ?? fakeJwt({ expiresInSeconds: 3600 }));
    }
    return this.tokens;
  }

  /**
   * The session at once (unless `failWith` is in force): so the first request of a spec goes out
   * in the same turn as its `subscribe`, and `CognitoAuthState` starts as the fake does.
   */
  override currentTokens(): CognitoSessionTokens | null | undefined {
    return this.failure === undefined ? this.tokens : undefined;
  }

  override onTokensChanged(listener: (change: CognitoTokensChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sign in with the given (or a fresh fake) access token, as Amplify's `signedIn` event would;
   * `{ inAnotherTab: true }`: as another tab of the app signing in.
   */
  signIn(
    token: string = fakeJwt({ expiresInSeconds: 3600 }),
    change: Partial<CognitoTokensChange> = {},
  ): void {
    this.tokens = sessionOf(token);
    this.failure = undefined;
    this.changed(change);
  }

  /**
   * Sign out, as Amplify's `signedOut` event would; `{ inAnotherTab: true }`: as another tab of the
   * app signing out, which sends a tab on a page `cognitoAuthGuard` protects to sign-in.
   */
  signOut(change: Partial<CognitoTokensChange> = {}): void {
    this.tokens = null;
    this.changed(change);
  }

  /** Make every following fetch reject with `error` (e.g. an Amplify `NetworkError`). */
  failWith(error: unknown): void {
    this.failure = error;
  }

  private changed({ inAnotherTab = false }: Partial<CognitoTokensChange>): void {
    this.listeners.forEach((listener) => listener({ inAnotherTab }));
  }

  get currentAccessToken(): string | undefined {
    return this.tokens?.accessToken;
  }
}

function sessionOf(accessToken: string): CognitoSessionTokens {
  return { accessToken, idToken: accessToken };
}

let serial = 0;

/**
 * An unsigned JWT-shaped token; APIs will reject it, the interceptor and `CognitoAuthState` can
 * read its claims (`sub` and `username` are `test-user` unless `claims` says otherwise).
 *
 * @example
 * import { TestBed } from '@angular/core/testing';
 * import { CognitoAuthState } from 'ngx-cognito-gateway';
 * import { fakeJwt, provideCognitoAuthTesting } from 'ngx-cognito-gateway/testing';
 *
 * const token = fakeJwt({ expiresInSeconds: 600, claims: { 'cognito:groups': ['admin'] } });
 * TestBed.configureTestingModule({ providers: [provideCognitoAuthTesting({ token })] });
 * expect(TestBed.inject(CognitoAuthState).claims()?.['cognito:groups']).toEqual(['admin']);
 */
export function fakeJwt(options: {
  expiresInSeconds: number;
  claims?: Record<string, unknown>;
}): string {
  const now = Math.floor(Date.now() / 1000);
  // base64url of the UTF-8 bytes, as Cognito encodes a JWT.
  const encode = (value: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  const claims = {
    sub: 'test-user',
    username: 'test-user',
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    iat: now - 1,
    exp: now + options.expiresInSeconds,
    jti: `fake-${++serial}`,
    ...options.claims,
  };
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}
