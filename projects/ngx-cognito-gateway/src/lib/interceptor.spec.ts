import {
  HttpClient,
  HttpContext,
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
  CognitoAuthConfigError,
  CognitoAuthModule,
  NotSignedInError,
  SKIP_COGNITO_AUTH,
  TokenRefreshError,
  cognitoAuthInterceptor,
  provideCognitoAuth,
} from 'ngx-cognito-gateway';
import {
  FakeCognitoTokenSource,
  fakeJwt,
  provideCognitoAuthTesting,
} from 'ngx-cognito-gateway/testing';
import { API, sent, setUp, useMockClock } from './testing-helpers/interceptor-harness';
import { settle } from './testing-helpers/settle';

// Which requests get a token, how it is sent, and the subscriptions, through HttpClient with both
// interceptor forms. Rejections and retries: interceptor-retry.spec.ts; the server and the page's
// base URL: interceptor-platform.spec.ts.
describe('cognitoAuthInterceptor', () => {
  useMockClock();

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

  it('waits for the first read, shared by concurrent requests, then sends in the same turn', async () => {
    const { http, backend, source } = setUp();
    for (const path of ['a', 'b', 'c']) http.get(`${API}/${path}`).subscribe();
    await settle();
    backend.match((req) => req.url.startsWith(API)).forEach((req) => req.flush({}));
    http.get(`${API}/tasks`).subscribe();
    const req = backend.expectOne(`${API}/tasks`); // no wait: the cached token is at hand
    expect(req.request.headers.get('Authorization')).toBe(`Bearer ${source.currentAccessToken}`);
    req.flush([]);
    expect(source.fetchCount).toBe(1);
  });

  it('uses the id token, a custom header and a raw token when configured', async () => {
    const idToken = fakeJwt({ expiresInSeconds: 3600, claims: { token_use: 'id' } });
    const { http, backend, source } = setUp({ token: 'id', headerName: 'X-Id-Token', scheme: '' });
    spyOn(source, 'fetchTokens').and.resolveTo({ accessToken: 'access-not-this', idToken });
    http.get(`${API}/me`).subscribe();
    const req = await sent(backend, `${API}/me`);
    expect(req.request.headers.get('X-Id-Token')).toBe(idToken);
    expect(req.request.headers.has('Authorization')).toBeFalse();
    req.flush({});
  });

  it('skips the token for a request that sets SKIP_COGNITO_AUTH', async () => {
    const { http, backend, source } = setUp();
    const context = new HttpContext().set(SKIP_COGNITO_AUTH, true);
    http.get(`${API}/public`, { context }).subscribe();
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

  it('reuses the cached token and asks the source again after a sign-out event', async () => {
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

  describe('signed out', () => {
    it("sends the request without a token with whenSignedOut 'pass' (the default)", async () => {
      const { http, backend } = setUp({}, { signedOut: true });
      const response = firstValueFrom(http.get(`${API}/x`));
      const req = await sent(backend, `${API}/x`);
      expect(req.request.headers.has('Authorization')).toBeFalse();
      req.flush('ok');
      expect(await response).toBe('ok');
    });

    it("fails with NotSignedInError and sends nothing with whenSignedOut 'error'", async () => {
      const { http, backend } = setUp({ whenSignedOut: 'error' }, { signedOut: true });
      const error = await firstValueFrom(http.get(`${API}/x`)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotSignedInError);
      expect((error as NotSignedInError).url).toBe(`${API}/x`);
      backend.expectNone(`${API}/x`);
    });
  });

  it('fails with a TokenRefreshError (with cause), sending nothing, when the session cannot be read', async () => {
    const { http, backend, source } = setUp();
    const offline = Object.assign(new Error('Network error'), { name: 'NetworkError' });
    source.failWith(offline);
    const error = await firstValueFrom(http.get(`${API}/x`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as TokenRefreshError).cause).toBe(offline);
    expect((error as TokenRefreshError).url).toBe(`${API}/x`);
    backend.expectNone(`${API}/x`);
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

    it('sends nothing when unsubscribed while the token is being read', async () => {
      const { http, backend, source } = setUp();
      http.get(`${API}/x`).subscribe().unsubscribe();
      await settle();
      expect(source.fetchCount).toBe(1);
      backend.expectNone(`${API}/x`);
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

  it('uses the config of the injector that provides it: a lazy route gets its own', async () => {
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
