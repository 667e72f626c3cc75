import {
  HttpClient,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
  withInterceptorsFromDi,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentInjector, createEnvironmentInjector, importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import {
  CognitoAuthConfigError,
  CognitoAuthModule,
  cognitoAuthInterceptor,
  provideCognitoAuth,
} from 'ngx-cognito-gateway';
import {
  FakeCognitoTokenSource,
  fakeJwt,
  provideCognitoAuthTesting,
} from 'ngx-cognito-gateway/testing';
import {
  API,
  UNAUTHORIZED,
  hourLongTokenExpiringIn,
  sent,
  setUp,
  settle,
  useMockClock,
} from './testing-helpers/interceptor-harness';

// Both interceptor forms end to end through HttpClient: token, 401 and status-0 retries,
// subscriptions, a lazy NgModule, a missing config. The parts have their own specs.
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
});
