import {
  HttpClient,
  HttpContext,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
  withInterceptorsFromDi,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentInjector, createEnvironmentInjector, importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import fc from 'fast-check';
import { firstValueFrom } from 'rxjs';
import {
  CognitoAuthConfig,
  CognitoAuthConfigError,
  CognitoAuthFailure,
  CognitoAuthFailures,
  CognitoAuthModule,
  NotSignedInError,
  SKIP_COGNITO_AUTH,
  TokenRefreshError,
  cognitoAuthInterceptor,
  provideCognitoAuth,
} from 'ngx-cognito-gateway';
import {
  CognitoAuthTestingOptions,
  FakeCognitoTokenSource,
  fakeJwt,
  provideCognitoAuthTesting,
} from 'ngx-cognito-gateway/testing';

const API = 'https://api.example.com/v1';
const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

interface Harness {
  http: HttpClient;
  backend: HttpTestingController;
  source: FakeCognitoTokenSource;
  failures: CognitoAuthFailure[];
}

function setUp(
  config: Partial<CognitoAuthConfig> = {},
  testing: CognitoAuthTestingOptions = {},
  wiring: 'standalone' | 'ngmodule' = 'standalone',
): Harness {
  const auth = { allowedUrls: [API], ...config };
  TestBed.configureTestingModule(
    wiring === 'standalone'
      ? {
          providers: [
            provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
            provideHttpClientTesting(),
            provideCognitoAuth(auth),
            provideCognitoAuthTesting(testing),
          ],
        }
      : {
          imports: [CognitoAuthModule.forRoot(auth)],
          providers: [
            provideHttpClient(withInterceptorsFromDi()),
            provideHttpClientTesting(),
            provideCognitoAuthTesting(testing),
          ],
        },
  );
  const failures: CognitoAuthFailure[] = [];
  TestBed.inject(CognitoAuthFailures).events.subscribe((failure) => failures.push(failure));
  return {
    http: TestBed.inject(HttpClient),
    backend: TestBed.inject(HttpTestingController),
    source: TestBed.inject(FakeCognitoTokenSource),
    failures,
  };
}

/** A token issued an hour ago, so its refresh margin is the full minute. */
function hourLongTokenExpiringIn(seconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  return fakeJwt({ expiresInSeconds: seconds, claims: { iat: now + seconds - 3600 } });
}

/** Lets the token source's promises settle so the request reaches the testing backend. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve));

async function sent(backend: HttpTestingController, url: string) {
  await settle();
  return backend.expectOne(url);
}

describe('cognitoAuthInterceptor', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  for (const wiring of ['standalone', 'ngmodule'] as const) {
    describe(`wired as ${wiring}`, () => {
      it('sends the access token as a Bearer token to an allowlisted URL', async () => {
        const { http, backend, source } = setUp({}, {}, wiring);
        const response = firstValueFrom(http.get(`${API}/tasks`));
        const req = await sent(backend, `${API}/tasks`);
        expect(req.request.headers.get('Authorization')).toBe(
          `Bearer ${source.currentAccessToken}`,
        );
        req.flush([]);
        expect(await response).toEqual([]);
      });

      it('sends no token to a URL outside the allowlist', async () => {
        const { http, backend, source } = setUp({}, {}, wiring);
        http.get('https://api.example.com.evil.io/v1/tasks').subscribe();
        const req = await sent(backend, 'https://api.example.com.evil.io/v1/tasks');
        expect(req.request.headers.has('Authorization')).toBeFalse();
        expect(source.fetchCount).toBe(0);
        req.flush({});
      });
    });
  }

  it('uses the id token, a custom header and a raw token when configured', async () => {
    const idToken = fakeJwt({ expiresInSeconds: 3600, claims: { token_use: 'id' } });
    const { http, backend, source } = setUp({ token: 'id', headerName: 'X-Id-Token', scheme: '' });
    source.signIn(fakeJwt({ expiresInSeconds: 3600 }));
    spyOn(source, 'fetchTokens').and.resolveTo({ accessToken: 'access-not-this', idToken });
    http.get(`${API}/me`).subscribe();
    const req = await sent(backend, `${API}/me`);
    expect(req.request.headers.get('X-Id-Token')).toBe(idToken);
    expect(req.request.headers.has('Authorization')).toBeFalse();
    req.flush({});
  });

  it('skips the token for a request that sets SKIP_COGNITO_AUTH', async () => {
    const { http, backend, source } = setUp();
    http
      .get(`${API}/public`, { context: new HttpContext().set(SKIP_COGNITO_AUTH, true) })
      .subscribe();
    const req = await sent(backend, `${API}/public`);
    expect(req.request.headers.has('Authorization')).toBeFalse();
    expect(source.fetchCount).toBe(0);
    req.flush({});
  });

  it('leaves an Authorization header the app set itself alone', async () => {
    const { http, backend } = setUp();
    http.get(`${API}/x`, { headers: { Authorization: 'Basic abc' } }).subscribe();
    const req = await sent(backend, `${API}/x`);
    expect(req.request.headers.get('Authorization')).toBe('Basic abc');
    req.flush({});
  });

  it('reuses the cached token synchronously and asks Amplify again after a sign-out event', async () => {
    const { http, backend, source } = setUp();
    for (let i = 0; i < 3; i++) {
      http.get(`${API}/n${i}`).subscribe();
      (await sent(backend, `${API}/n${i}`)).flush({});
    }
    expect(source.fetchCount).toBe(1);
    source.signOut();
    http.get(`${API}/after`).subscribe();
    const req = await sent(backend, `${API}/after`);
    expect(req.request.headers.has('Authorization')).toBeFalse();
    expect(source.fetchCount).toBe(2);
    req.flush({});
  });

  it('refreshes before sending when the cached token is about to expire', async () => {
    const { http, backend, source } = setUp();
    source.signIn(hourLongTokenExpiringIn(20));
    http.get(`${API}/soon`).subscribe();
    const req = await sent(backend, `${API}/soon`);
    expect(source.forceRefreshCount).toBe(1);
    expect(req.request.headers.get('Authorization')).toBe(`Bearer ${source.currentAccessToken}`);
    req.flush({});
  });

  describe('signed out', () => {
    it("'pass' sends the request without a token", async () => {
      const { http, backend } = setUp({ whenSignedOut: 'pass' }, { signedOut: true });
      http.get(`${API}/tasks`).subscribe();
      const req = await sent(backend, `${API}/tasks`);
      expect(req.request.headers.has('Authorization')).toBeFalse();
      req.flush([]);
    });

    it("'error' fails with NotSignedInError and sends nothing", async () => {
      const { http, backend } = setUp({ whenSignedOut: 'error' }, { signedOut: true });
      const error = await firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotSignedInError);
      expect((error as NotSignedInError).name).toBe('NotSignedInError');
      backend.expectNone(`${API}/tasks`);
    });
  });

  it('fails with a TokenRefreshError (with cause) when the session cannot be read', async () => {
    const { http, backend, source } = setUp();
    const offline = Object.assign(new Error('Network error'), { name: 'NetworkError' });
    source.failWith(offline);
    const error = await firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as TokenRefreshError).cause).toBe(offline);
    backend.expectNone(`${API}/tasks`);
  });

  describe('401 handling', () => {
    it('refreshes once and retries once with the new token', async () => {
      const { http, backend, source, failures } = setUp();
      const response = firstValueFrom(http.get(`${API}/tasks`));
      const first = await sent(backend, `${API}/tasks`);
      const stale = first.request.headers.get('Authorization');
      first.flush({ message: 'Unauthorized' }, UNAUTHORIZED);
      const retry = await sent(backend, `${API}/tasks`);
      expect(source.forceRefreshCount).toBe(1);
      expect(retry.request.headers.get('Authorization')).toBe(
        `Bearer ${source.currentAccessToken}`,
      );
      expect(retry.request.headers.get('Authorization')).not.toBe(stale);
      retry.flush(['ok']);
      expect(await response).toEqual(['ok']);
      expect(failures).toEqual([]);
    });

    it('50 concurrent 401s share exactly one forced refresh and each is retried once', async () => {
      const { http, backend, source } = setUp();
      const results = Array.from({ length: 50 }, (_, i) =>
        firstValueFrom(http.get(`${API}/t/${i}`)),
      );
      await settle();
      const firsts = backend.match((req) => req.url.startsWith(`${API}/t/`));
      expect(firsts.length).toBe(50);
      firsts.forEach((req) => req.flush({ message: 'Unauthorized' }, UNAUTHORIZED));
      await settle();
      const retries = backend.match((req) => req.url.startsWith(`${API}/t/`));
      expect(retries.length).toBe(50);
      expect(new Set(retries.map((r) => r.request.url)).size).toBe(50);
      expect(source.forceRefreshCount).toBe(1);
      retries.forEach((req) => {
        expect(req.request.headers.get('Authorization')).toBe(
          `Bearer ${source.currentAccessToken}`,
        );
        req.flush('ok');
      });
      expect(await Promise.all(results)).toEqual(Array(50).fill('ok'));
    });

    it('gives the caller the second 401 unchanged, reports it, and never loops', async () => {
      const { http, backend, source, failures } = setUp();
      const response = firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      (await sent(backend, `${API}/tasks`)).flush({}, UNAUTHORIZED);
      (await sent(backend, `${API}/tasks`)).flush({ message: 'still no' }, UNAUTHORIZED);
      const error = (await response) as HttpErrorResponse;
      expect(error).toBeInstanceOf(HttpErrorResponse);
      expect(error.status).toBe(401);
      expect(error.error).toEqual({ message: 'still no' });
      expect(source.forceRefreshCount).toBe(1);
      expect(failures.map((f) => f.reason)).toEqual(['rejected-after-refresh']);
      backend.expectNone(`${API}/tasks`);
    });

    it('a refused refresh (e.g. revoked refresh token) gives the caller the 401 and reports it', async () => {
      const { http, backend, source, failures } = setUp();
      const response = firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      const first = await sent(backend, `${API}/tasks`);
      const revoked = Object.assign(new Error('Refresh Token has been revoked'), {
        name: 'NotAuthorizedException',
      });
      source.failWith(revoked);
      first.flush({ message: 'Unauthorized' }, UNAUTHORIZED);
      const error = (await response) as HttpErrorResponse;
      expect(error.status).toBe(401);
      expect(failures).toEqual([
        jasmine.objectContaining({ reason: 'refresh-failed', cause: revoked }),
      ]);
      backend.expectNone(`${API}/tasks`);
    });

    it('a refresh that finds the user signed out reports signed-out', async () => {
      const { http, backend, source, failures } = setUp();
      const response = firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      const first = await sent(backend, `${API}/tasks`);
      spyOn(source, 'fetchTokens').and.resolveTo(null);
      first.flush({}, UNAUTHORIZED);
      expect(((await response) as HttpErrorResponse).status).toBe(401);
      expect(failures.map((f) => f.reason)).toEqual(['signed-out']);
    });

    it('a refresh that fails for network reasons reaches the caller as TokenRefreshError', async () => {
      const { http, backend, source, failures } = setUp();
      const response = firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      const first = await sent(backend, `${API}/tasks`);
      const offline = new TypeError('Failed to fetch');
      source.failWith(offline);
      first.flush({}, UNAUTHORIZED);
      const error = await response;
      expect(error).toBeInstanceOf(TokenRefreshError);
      expect((error as TokenRefreshError).cause).toBe(offline);
      expect(failures).toEqual([]);
    });

    it('does not refresh on 401s from requests that carried no token', async () => {
      const { http, backend, source } = setUp({}, { signedOut: true });
      const response = firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      (await sent(backend, `${API}/tasks`)).flush({}, UNAUTHORIZED);
      expect(((await response) as HttpErrorResponse).status).toBe(401);
      expect(source.forceRefreshCount).toBe(0);
    });

    it('does not refresh on other errors (403, 500)', async () => {
      const { http, backend, source } = setUp();
      for (const status of [403, 500]) {
        const response = firstValueFrom(http.get(`${API}/s${status}`)).catch((e: unknown) => e);
        (await sent(backend, `${API}/s${status}`)).flush({}, { status, statusText: 'x' });
        expect(((await response) as HttpErrorResponse).status).toBe(status);
      }
      expect(source.forceRefreshCount).toBe(0);
    });
  });

  describe('status 0 (browser hid the response)', () => {
    it('is treated as a 401 when the token sent was (nearly) expired', async () => {
      const { http, backend, source } = setUp();
      const nearlyExpired = hourLongTokenExpiringIn(10);
      const answers = [
        () => Promise.resolve({ accessToken: nearlyExpired }),
        () => Promise.reject(new Error('proactive refresh failed')), // still valid: sent anyway
        () => Promise.resolve({ accessToken: fakeJwt({ expiresInSeconds: 3600 }) }),
      ];
      spyOn(source, 'fetchTokens').and.callFake(() => answers.shift()!());
      const response = firstValueFrom(http.get(`${API}/tasks`));
      const first = await sent(backend, `${API}/tasks`);
      expect(first.request.headers.get('Authorization')).toBe(`Bearer ${nearlyExpired}`);
      first.error(new ProgressEvent('error'), { status: 0 });
      const retry = await sent(backend, `${API}/tasks`);
      expect(retry.request.headers.get('Authorization')).not.toBe(`Bearer ${nearlyExpired}`);
      retry.flush('ok');
      expect(await response).toBe('ok');
      // A plain fetch, the proactive refresh that failed, and after the 0 one more fetch, which
      // already brings a replacement (so nothing is forced): three calls in all, never a loop.
      expect((source.fetchTokens as jasmine.Spy).calls.allArgs()).toEqual([
        [{ forceRefresh: false }],
        [{ forceRefresh: true }],
        [{ forceRefresh: false }],
      ]);
    });

    it('is passed through when the token was fresh (a real network or CORS failure)', async () => {
      const { http, backend, source } = setUp();
      const response = firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      (await sent(backend, `${API}/tasks`)).error(new ProgressEvent('error'), { status: 0 });
      expect(((await response) as HttpErrorResponse).status).toBe(0);
      expect(source.forceRefreshCount).toBe(0);
    });
    it('is treated as a 401 for a cached short-lived token that is within a minute of exp', async () => {
      const { http, backend, source } = setUp();
      // Lifetime 2 min, so it is refreshed 30 s early: at 45 s left it is still the cached one.
      const now = Math.floor(Date.now() / 1000);
      const shortLived = fakeJwt({ expiresInSeconds: 45, claims: { iat: now - 75 } });
      source.signIn(shortLived);
      http.get(`${API}/warm`).subscribe();
      (await sent(backend, `${API}/warm`)).flush({});
      const response = firstValueFrom(http.get(`${API}/tasks`));
      const first = backend.expectOne(`${API}/tasks`); // sent synchronously: the cached token
      expect(first.request.headers.get('Authorization')).toBe(`Bearer ${shortLived}`);
      first.error(new ProgressEvent('error'), { status: 0 });
      const retry = await sent(backend, `${API}/tasks`);
      expect(source.forceRefreshCount).toBe(1);
      expect(retry.request.headers.get('Authorization')).toBe(
        `Bearer ${source.currentAccessToken}`,
      );
      retry.flush('ok');
      expect(await response).toBe('ok');
    });
  });

  describe('subscriptions', () => {
    it('sends nothing when unsubscribed while the token is being fetched', async () => {
      const { http, backend, source } = setUp();
      http.get(`${API}/tasks`).subscribe().unsubscribe();
      await settle();
      backend.expectNone(`${API}/tasks`);
      expect(source.fetchCount).toBe(1);
    });

    it('neither retries nor reports when unsubscribed while the refresh after a 401 runs', async () => {
      const { http, backend, source, failures } = setUp();
      const subscription = http.get(`${API}/tasks`).subscribe({ error: () => undefined });
      const first = await sent(backend, `${API}/tasks`);
      source.failWith(Object.assign(new Error('revoked'), { name: 'NotAuthorizedException' }));
      first.flush({}, UNAUTHORIZED);
      subscription.unsubscribe();
      await settle();
      backend.expectNone(`${API}/tasks`);
      expect(failures).toEqual([]);
    });

    it('shares one call to the token source among concurrent first requests', async () => {
      const { http, backend, source } = setUp();
      for (let i = 0; i < 5; i++) http.get(`${API}/c${i}`).subscribe();
      await settle();
      for (let i = 0; i < 5; i++) backend.expectOne(`${API}/c${i}`).flush({});
      expect(source.fetchCount).toBe(1);
    });

    it('sends again, with the token, on every subscription of the same observable', async () => {
      const { http, backend, source } = setUp();
      http.get(`${API}/warm`).subscribe();
      (await sent(backend, `${API}/warm`)).flush({});
      const tasks = http.get(`${API}/tasks`);
      for (let i = 0; i < 2; i++) {
        tasks.subscribe();
        const req = backend.expectOne(`${API}/tasks`);
        expect(req.request.headers.get('Authorization')).toBe(
          `Bearer ${source.currentAccessToken}`,
        );
        req.flush([]);
      }
    });

    it('cancels the request in flight when unsubscribed', async () => {
      const { http, backend } = setUp();
      http.get(`${API}/warm`).subscribe();
      (await sent(backend, `${API}/warm`)).flush({});
      const subscription = http.get(`${API}/slow`).subscribe();
      const req = backend.expectOne(`${API}/slow`);
      subscription.unsubscribe();
      expect(req.cancelled).toBeTrue();
    });

    it('ends the request with an error thrown further down the chain', async () => {
      const boom = new Error('boom');
      TestBed.configureTestingModule({
        providers: [
          provideHttpClient(
            withInterceptors([
              cognitoAuthInterceptor,
              () => {
                throw boom;
              },
            ]),
          ),
          provideHttpClientTesting(),
          provideCognitoAuth({ allowedUrls: [API] }),
          provideCognitoAuthTesting(),
        ],
      });
      const error = await firstValueFrom(TestBed.inject(HttpClient).get(`${API}/x`)).catch(
        (e: unknown) => e,
      );
      expect(error).toBe(boom);
    });
  });

  it('measures the device clock skew on a refresh instead of refreshing on every request', async () => {
    const { http, backend, source } = setUp();
    // The device clock runs 10 minutes ahead of the issuer's; tokens live 5 minutes, so by the
    // device clock every token the issuer hands out has already expired.
    const issuerNow = () => Math.floor(Date.now() / 1000) - 600;
    spyOn(source, 'fetchTokens').and.callFake(async () => ({
      accessToken: fakeJwt({
        expiresInSeconds: 0,
        claims: { iat: issuerNow(), exp: issuerNow() + 300 },
      }),
    }));
    for (let i = 0; i < 5; i++) {
      const response = firstValueFrom(http.get(`${API}/tasks/${i}`));
      (await sent(backend, `${API}/tasks/${i}`)).flush({});
      await response;
    }
    const forced = (source.fetchTokens as jasmine.Spy).calls
      .allArgs()
      .filter(([options]) => (options as { forceRefresh: boolean }).forceRefresh);
    expect(forced.length).toBe(1);
  });

  it('uses the config of the injector that provides it: a lazy route or module gets its own', async () => {
    const LAZY_API = 'https://lazy.example.com/api';
    setUp(); // the root: API allowlisted
    const lazy = createEnvironmentInjector(
      [
        provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
        provideHttpClientTesting(),
        provideCognitoAuth({ allowedUrls: [LAZY_API] }),
        provideCognitoAuthTesting(),
      ],
      TestBed.inject(EnvironmentInjector),
    );
    const http = lazy.get(HttpClient);
    const backend = lazy.get(HttpTestingController);
    http.get(`${LAZY_API}/x`).subscribe();
    http.get(`${API}/x`).subscribe();
    expect((await sent(backend, `${LAZY_API}/x`)).request.headers.has('Authorization')).toBeTrue();
    expect(backend.expectOne(`${API}/x`).request.headers.has('Authorization')).toBeFalse();
    backend.verify({ ignoreCancelled: true });
    lazy.destroy();
  });

  it('works in a lazy NgModule with its own HttpClient and no root config', async () => {
    const LAZY_API = 'https://lazy.example.com/api';
    TestBed.configureTestingModule({ providers: [provideHttpClientTesting()] }); // for afterEach
    const lazy = createEnvironmentInjector(
      [
        importProvidersFrom(CognitoAuthModule.forRoot({ allowedUrls: [LAZY_API] })),
        provideHttpClient(withInterceptorsFromDi()),
        provideHttpClientTesting(),
        provideCognitoAuthTesting(),
      ],
      TestBed.inject(EnvironmentInjector),
    );
    lazy.get(HttpClient).get(`${LAZY_API}/x`).subscribe();
    const req = await sent(lazy.get(HttpTestingController), `${LAZY_API}/x`);
    expect(req.request.headers.get('Authorization')).toBe(
      `Bearer ${lazy.get(FakeCognitoTokenSource).currentAccessToken}`,
    );
    req.flush({});
    lazy.destroy();
  });

  it('fails clearly when provideCognitoAuth is missing', () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    let error: unknown;
    TestBed.inject(HttpClient)
      .get(`${API}/x`)
      .subscribe({ error: (e: unknown) => (error = e) });
    expect(error).toBeInstanceOf(CognitoAuthConfigError);
    expect((error as Error).message).toMatch(/provideCognitoAuth/);
  });

  it('never sends the header to a URL outside the allowlist (property)', async () => {
    const { http, backend } = setUp({ allowedUrls: [API, 'http://127.0.0.1:3000'] });
    const inAllowlist = (url: string) => {
      const parsed = new URL(url, document.baseURI);
      return (
        (parsed.origin === 'https://api.example.com' && /^\/v1(\/|$)/.test(parsed.pathname)) ||
        parsed.origin === 'http://127.0.0.1:3000'
      );
    };
    const url = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(
          fc.constantFrom(
            'https://api.example.com',
            'https://api.example.com.evil.io',
            'http://127.0.0.1:3001',
            'https://evil.io',
            '//evil.io',
            'http://127.0.0.1:3000@evil.io',
          ),
          fc.constantFrom('/v1', '/v10', '/v1/..', ''),
          fc.webPath(),
        )
        .map((parts) => parts.join('')),
    );
    await fc.assert(
      fc.asyncProperty(url, async (target) => {
        http.get(target).subscribe({ error: () => undefined });
        await settle();
        const requests = backend.match(() => true);
        for (const req of requests) {
          if (req.request.headers.has('Authorization') && !inAllowlist(req.request.urlWithParams))
            return false;
          req.flush({});
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
