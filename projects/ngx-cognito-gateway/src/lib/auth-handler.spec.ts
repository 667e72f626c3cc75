import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import fc from 'fast-check';
import { SKIP_COGNITO_AUTH, cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
import { fakeJwt, provideCognitoAuthTesting } from 'ngx-cognito-gateway/testing';
import { API, sent, setUp, settle, useMockClock } from './testing-helpers/interceptor-harness';

// Which requests the handler gives a token, and with which config; the server side is in
// auth-handler-platform.spec.ts.
describe('createAuthHandler', () => {
  useMockClock();

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
