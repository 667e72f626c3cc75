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
  CognitoAuthFailureEvents,
  CognitoAuthModule,
  SKIP_COGNITO_AUTH,
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
  TestBed.inject(CognitoAuthFailureEvents).events.subscribe((failure) => failures.push(failure));
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

/**
 * One turn of the event loop, so that every promise settles and a request waiting for its token
 * reaches the backend: a MessageChannel message, which jasmine's mock clock leaves alone, so no
 * time passes.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

async function sent(backend: HttpTestingController, url: string) {
  await settle();
  return backend.expectOne(url);
}

describe('cognitoAuthInterceptor', () => {
  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(Date.UTC(2026, 0, 1, 12)));
  });
  afterEach(() => {
    jasmine.clock().uninstall();
    TestBed.inject(HttpTestingController).verify();
  });

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

    it('a refresh that finds the user signed out reports signed-out', async () => {
      const { http, backend, source, failures } = setUp();
      const response = firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      const first = await sent(backend, `${API}/tasks`);
      spyOn(source, 'fetchTokens').and.resolveTo(null);
      first.flush({}, UNAUTHORIZED);
      expect(((await response) as HttpErrorResponse).status).toBe(401);
      expect(failures.map((f) => f.reason)).toEqual(['signed-out']);
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
  });

  describe('subscriptions', () => {
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
