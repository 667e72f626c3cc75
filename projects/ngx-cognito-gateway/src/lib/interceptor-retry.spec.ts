import { HttpErrorResponse } from '@angular/common/http';
import { fakeJwt } from 'ngx-cognito-gateway/testing';
import { firstValueFrom } from 'rxjs';
import { NotSignedInError, TokenRefreshError } from 'ngx-cognito-gateway';
import {
  API,
  UNAUTHORIZED,
  hourLongTokenExpiringIn,
  sent,
  setUp,
  useMockClock,
} from './testing-helpers/interceptor-harness';
import { settle } from './testing-helpers/settle';

const revoked = () =>
  Object.assign(new Error('Refresh Token has been revoked'), { name: 'NotAuthorizedException' });

/** A status 0 as the browser reports a response it hides (no CORS headers). */
const hidden = (req: { error(e: ProgressEvent, o: { status: number }): void }) =>
  req.error(new ProgressEvent('error'), { status: 0 });

// What happens when the API refuses the token, through HttpClient: one refresh shared by every
// refused request, one retry, and the failures that stay failures.
describe('cognitoAuthInterceptor after a rejection', () => {
  useMockClock();

  describe('a 401', () => {
    it('gets one forced refresh and one retry with the new token', async () => {
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

    it('from 50 concurrent requests shares exactly one forced refresh, each retried once', async () => {
      const { http, backend, source } = setUp();
      http.get(`${API}/warm`).subscribe();
      (await sent(backend, `${API}/warm`)).flush({});
      const results = Array.from({ length: 50 }, (_, i) =>
        firstValueFrom(http.get(`${API}/t/${i}`)),
      );
      // Sent in the same turn, with the cached token.
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

    it('again after the retry reaches the caller unchanged, is reported, and never loops', async () => {
      const { http, backend, source, failures } = setUp();
      const response = firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      (await sent(backend, `${API}/tasks`)).flush({}, UNAUTHORIZED);
      (await sent(backend, `${API}/tasks`)).flush({ message: 'still no' }, UNAUTHORIZED);
      const error = (await response) as HttpErrorResponse;
      expect(error).toBeInstanceOf(HttpErrorResponse);
      expect(error.status).toBe(401);
      expect(error.error).toEqual({ message: 'still no' });
      expect(source.forceRefreshCount).toBe(1);
      expect(failures).toEqual([
        { reason: 'rejected-after-refresh', url: `${API}/tasks`, status: 401, cause: undefined },
      ]);
      backend.expectNone(`${API}/tasks`);
    });

    it('with a refused refresh (revoked refresh token) reaches the caller and is reported', async () => {
      const { http, backend, source, failures } = setUp();
      const response = firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      const first = await sent(backend, `${API}/tasks`);
      const cause = revoked();
      source.failWith(cause);
      first.flush({}, UNAUTHORIZED);
      expect(((await response) as HttpErrorResponse).status).toBe(401);
      expect(failures).toEqual([jasmine.objectContaining({ reason: 'refresh-failed', cause })]);
      backend.expectNone(`${API}/tasks`);
    });

    it('with a refresh that finds the user signed out is reported as signed-out', async () => {
      const { http, backend, source, failures } = setUp();
      const response = firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      const first = await sent(backend, `${API}/tasks`);
      spyOn(source, 'fetchTokens').and.resolveTo(null);
      first.flush({}, UNAUTHORIZED);
      expect(((await response) as HttpErrorResponse).status).toBe(401);
      expect(failures.map((f) => f.reason)).toEqual(['signed-out']);
    });

    it('with a refresh that fails for network reasons is a TokenRefreshError, not reported', async () => {
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

    it('for a request sent without a token (signed out) is passed on, without a refresh', async () => {
      const { http, backend, source, failures } = setUp({}, { signedOut: true });
      const response = firstValueFrom(http.get(`${API}/tasks`)).catch((e: unknown) => e);
      (await sent(backend, `${API}/tasks`)).flush({}, UNAUTHORIZED);
      expect(((await response) as HttpErrorResponse).status).toBe(401);
      expect(source.forceRefreshCount).toBe(0);
      expect(failures).toEqual([]);
    });

    it('neither retries nor reports when unsubscribed while the refresh runs', async () => {
      const { http, backend, source, failures } = setUp();
      http.get(`${API}/warm`).subscribe();
      (await sent(backend, `${API}/warm`)).flush({});
      const subscription = http.get(`${API}/tasks`).subscribe({ error: () => undefined });
      source.failWith(revoked());
      backend.expectOne(`${API}/tasks`).flush({}, UNAUTHORIZED);
      subscription.unsubscribe();
      await settle();
      expect(source.forceRefreshCount).toBe(1);
      backend.expectNone(`${API}/tasks`);
      expect(failures).toEqual([]);
    });
  });

  describe('a session that ends while a request waits for its fresh token', () => {
    /** Signed in, one request sent; then the token is due and Cognito refuses the refresh. */
    async function endingSession(whenSignedOut: 'pass' | 'error') {
      const harness = setUp({ whenSignedOut }, { token: hourLongTokenExpiringIn(120) });
      const { http, backend, source } = harness;
      firstValueFrom(http.get(`${API}/a`)).catch(() => undefined);
      (await sent(backend, `${API}/a`)).flush([]);
      jasmine.clock().tick(61_000); // due
      // Amplify, told a rotated-out refresh token: it clears the session and answers none.
      spyOn(source, 'fetchTokens').and.resolveTo(null);
      return harness;
    }

    it("reports signed-out with the API's 401, the request sent without a token", async () => {
      const { http, backend, failures } = await endingSession('pass');
      const response = firstValueFrom(http.get(`${API}/b`)).catch((e: unknown) => e);
      const request = await sent(backend, `${API}/b`);
      expect(request.request.headers.has('Authorization')).toBe(false);
      request.flush({ message: 'Unauthorized' }, UNAUTHORIZED);
      expect(((await response) as HttpErrorResponse).status).toBe(401);
      expect(failures.map(({ reason, status }) => ({ reason, status }))).toEqual([
        { reason: 'signed-out', status: 401 },
      ]);
    });

    it("with whenSignedOut: 'error', reports it at once and sends nothing", async () => {
      const { http, backend, failures } = await endingSession('error');
      const error = await firstValueFrom(http.get(`${API}/b`)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotSignedInError);
      backend.expectNone(`${API}/b`);
      expect(failures.map(({ reason, status }) => ({ reason, status }))).toEqual([
        { reason: 'signed-out', status: 0 },
      ]);
    });

    it('reports nothing for a user who was signed out before the request', async () => {
      const { http, backend, source, failures } = setUp();
      source.signOut();
      const response = firstValueFrom(http.get(`${API}/b`)).catch((e: unknown) => e);
      (await sent(backend, `${API}/b`)).flush({ message: 'Unauthorized' }, UNAUTHORIZED);
      expect(((await response) as HttpErrorResponse).status).toBe(401);
      expect(failures).toEqual([]);
    });
  });

  it('does not refresh on other errors (403, 500)', async () => {
    const { http, backend, source } = setUp();
    for (const status of [403, 500]) {
      const response = firstValueFrom(http.get(`${API}/x`)).catch((e: unknown) => e);
      (await sent(backend, `${API}/x`)).flush({}, { status, statusText: 'No' });
      expect(((await response) as HttpErrorResponse).status).toBe(status);
    }
    expect(source.forceRefreshCount).toBe(0);
  });

  describe('a status 0 (the browser hid the response)', () => {
    it('is passed on when the token was fresh (a real network or CORS failure)', async () => {
      const { http, backend, source } = setUp();
      const response = firstValueFrom(http.get(`${API}/x`)).catch((e: unknown) => e);
      hidden(await sent(backend, `${API}/x`));
      expect(((await response) as HttpErrorResponse).status).toBe(0);
      expect(source.forceRefreshCount).toBe(0);
    });

    it('counts as a 401 when the token sent was nearly expired', async () => {
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
      hidden(first);
      const retry = await sent(backend, `${API}/tasks`);
      expect(retry.request.headers.get('Authorization')).not.toBe(`Bearer ${nearlyExpired}`);
      retry.flush('ok');
      expect(await response).toBe('ok');
      // A plain read, the proactive refresh that failed, and after the 0 one more read, which
      // already brings a replacement (so nothing is forced): three calls in all, never a loop.
      expect((source.fetchTokens as jasmine.Spy).calls.allArgs()).toEqual([
        [{ forceRefresh: false }],
        [{ forceRefresh: true }],
        [{ forceRefresh: false }],
      ]);
    });

    it('counts as a 401 within a minute of exp, even for a token still fresh', async () => {
      const { http, backend, source } = setUp();
      // A 2-minute token is refreshed 30 s before its exp: at 45 s left it is still cached.
      source.signIn(fakeJwt({ expiresInSeconds: 120, claims: { iat: Date.now() / 1000 } }));
      http.get(`${API}/warm`).subscribe();
      (await sent(backend, `${API}/warm`)).flush({});
      jasmine.clock().tick(75_000);
      const response = firstValueFrom(http.get(`${API}/x`));
      const first = backend.expectOne(`${API}/x`); // sent at once: still fresh
      hidden(first);
      const retry = await sent(backend, `${API}/x`);
      expect(source.forceRefreshCount).toBe(1);
      expect(retry.request.headers.get('Authorization')).toBe(
        `Bearer ${source.currentAccessToken}`,
      );
      expect(retry.request.headers.get('Authorization')).not.toBe(
        first.request.headers.get('Authorization'),
      );
      retry.flush('ok');
      expect(await response).toBe('ok');
    });

    it('after the retry is passed on, and not reported', async () => {
      const { http, backend, failures } = setUp();
      const response = firstValueFrom(http.get(`${API}/x`)).catch((e: unknown) => e);
      (await sent(backend, `${API}/x`)).flush({}, UNAUTHORIZED);
      hidden(await sent(backend, `${API}/x`));
      expect(((await response) as HttpErrorResponse).status).toBe(0);
      expect(failures).toEqual([]);
    });
  });
});
