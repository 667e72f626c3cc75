import {
  HttpErrorResponse,
  HttpEvent,
  HttpHandlerFn,
  HttpRequest,
  HttpResponse,
} from '@angular/common/http';
import { FakeCognitoTokenSource, fakeJwt } from 'ngx-cognito-gateway/testing';
import { Observable, Subject, firstValueFrom, of, throwError } from 'rxjs';
import { CognitoAuthFailure, CognitoAuthFailureEvents } from './auth-failure-events';
import { NotSignedInError, TokenRefreshError } from './errors';
import { createSender } from './send-with-retry';
import { createTokenCache } from './token-cache';
import { settle } from './testing-helpers/interceptor-harness';

const START = Date.UTC(2026, 0, 1, 12);
const URL = 'https://api.example.com/v1/tasks';

type Answer = (req: HttpRequest<unknown>) => Observable<HttpEvent<unknown>>;
const ok: Answer = () => of(new HttpResponse({ status: 200, body: 'ok' }));
const status =
  (code: number): Answer =>
  (req) =>
    throwError(() => new HttpErrorResponse({ status: code, url: req.url }));

/**
 * The sender over a real token cache and a fake token source; `next` answers each request with the
 * next of `answers` and records the Authorization header it carried (null: none).
 */
function setUp(
  answers: Answer[],
  options: { signedOut?: boolean; whenSignedOut?: 'pass' | 'error' } = {},
) {
  const source = new FakeCognitoTokenSource({ signedOut: options.signedOut });
  // Answers through fetchTokens only, as Amplify does (the kit's synchronous answer is its own spec).
  spyOn(source, 'currentTokens').and.returnValue(undefined);
  const cache = createTokenCache(source, { token: 'access', scheme: 'Bearer' });
  const events = new CognitoAuthFailureEvents();
  const failures: CognitoAuthFailure[] = [];
  events.events.subscribe((failure) => failures.push(failure));
  const sent: (string | null)[] = [];
  const next: HttpHandlerFn = (req) => {
    sent.push(req.headers.get('Authorization'));
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request ${sent.length}`);
    return answer(req);
  };
  const send = createSender(cache, events, {
    headerName: 'Authorization',
    whenSignedOut: options.whenSignedOut ?? 'pass',
  });
  const request = (url = URL) => send(new HttpRequest('GET', url), next);
  const result = (url = URL) =>
    firstValueFrom(request(url)).then(
      (event) => (event as HttpResponse<unknown>).body,
      (error: unknown) => error,
    );
  return { source, cache, failures, sent, request, result };
}

describe('createSender', () => {
  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(START));
  });
  afterEach(() => jasmine.clock().uninstall());

  it('waits for the first token, then sends synchronously with the cached one', async () => {
    const { source, sent, request, result } = setUp([ok, ok]);
    expect(await result()).toBe('ok');
    let body: unknown;
    request().subscribe((event) => (body = (event as HttpResponse<unknown>).body));
    expect(body).toBe('ok'); // no promise in between
    expect(sent).toEqual([
      `Bearer ${source.currentAccessToken}`,
      `Bearer ${source.currentAccessToken}`,
    ]);
    expect(source.fetchCount).toBe(1);
  });

  describe('signed out', () => {
    it("'pass' sends the request without a token", async () => {
      const { sent, result } = setUp([ok], { signedOut: true });
      expect(await result()).toBe('ok');
      expect(sent).toEqual([null]);
    });

    it("'error' fails with NotSignedInError and sends nothing", async () => {
      const { sent, result } = setUp([], { signedOut: true, whenSignedOut: 'error' });
      const error = await result();
      expect(error).toBeInstanceOf(NotSignedInError);
      expect((error as NotSignedInError).url).toBe(URL);
      expect(sent).toEqual([]);
    });

    it('passes a 401 for a request without a token on, without a refresh', async () => {
      const { source, result } = setUp([status(401)], { signedOut: true });
      expect(((await result()) as HttpErrorResponse).status).toBe(401);
      expect(source.forceRefreshCount).toBe(0);
    });
  });

  it('fails with a TokenRefreshError (with cause) when the session cannot be read', async () => {
    const { source, sent, result } = setUp([]);
    const offline = Object.assign(new Error('Network error'), { name: 'NetworkError' });
    source.failWith(offline);
    const error = await result();
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as TokenRefreshError).cause).toBe(offline);
    expect(sent).toEqual([]);
  });

  describe('a 401', () => {
    it('gets one forced refresh and one retry with the new token', async () => {
      const { source, failures, sent, result } = setUp([status(401), ok]);
      expect(await result()).toBe('ok');
      expect(source.forceRefreshCount).toBe(1);
      expect(sent.length).toBe(2);
      expect(sent[1]).toBe(`Bearer ${source.currentAccessToken}`);
      expect(sent[1]).not.toBe(sent[0]);
      expect(failures).toEqual([]);
    });

    it('again after the retry reaches the caller unchanged, is reported, and never loops', async () => {
      const { source, failures, sent, result } = setUp([status(401), status(401)]);
      const error = (await result()) as HttpErrorResponse;
      expect(error).toBeInstanceOf(HttpErrorResponse);
      expect(error.status).toBe(401);
      expect(sent.length).toBe(2);
      expect(source.forceRefreshCount).toBe(1);
      expect(failures).toEqual([
        { reason: 'rejected-after-refresh', url: URL, status: 401, cause: undefined },
      ]);
    });

    it('with a refused refresh (revoked refresh token) reaches the caller and is reported', async () => {
      const revoked = Object.assign(new Error('Refresh Token has been revoked'), {
        name: 'NotAuthorizedException',
      });
      const { source, failures, sent, result } = setUp([
        (req) => {
          source.failWith(revoked);
          return status(401)(req);
        },
      ]);
      expect(((await result()) as HttpErrorResponse).status).toBe(401);
      expect(failures).toEqual([
        jasmine.objectContaining({ reason: 'refresh-failed', cause: revoked }),
      ]);
      expect(sent.length).toBe(1);
    });

    it('with a refresh that finds the user signed out is reported as signed-out', async () => {
      const { source, failures, result } = setUp([
        (req) => {
          spyOn(source, 'fetchTokens').and.resolveTo(null);
          return status(401)(req);
        },
      ]);
      expect(((await result()) as HttpErrorResponse).status).toBe(401);
      expect(failures.map((f) => f.reason)).toEqual(['signed-out']);
    });

    it('with a refresh that fails for network reasons is a TokenRefreshError, not reported', async () => {
      const offline = new TypeError('Failed to fetch');
      const { source, failures, result } = setUp([
        (req) => {
          source.failWith(offline);
          return status(401)(req);
        },
      ]);
      const error = await result();
      expect(error).toBeInstanceOf(TokenRefreshError);
      expect((error as TokenRefreshError).cause).toBe(offline);
      expect(failures).toEqual([]);
    });

    it('from 50 concurrent requests shares one forced refresh, each retried once', async () => {
      const rejection = new Subject<never>();
      const { source, sent, result } = setUp([
        ok,
        ...Array.from({ length: 50 }, (): Answer => () => rejection),
        ...Array.from({ length: 50 }, () => ok),
      ]);
      await result();
      const results = Array.from({ length: 50 }, (_, i) => result(`${URL}/${i}`));
      expect(sent.length).toBe(51); // sent at once, with the cached token
      rejection.error(new HttpErrorResponse({ status: 401 }));
      expect(await Promise.all(results)).toEqual(Array(50).fill('ok'));
      expect(source.forceRefreshCount).toBe(1);
      expect(sent.length).toBe(101);
      expect(new Set(sent.slice(51))).toEqual(new Set([`Bearer ${source.currentAccessToken}`]));
    });
  });

  describe('a status 0 (the browser hid the response)', () => {
    it('is passed on when the token was fresh (a real network or CORS failure)', async () => {
      const { source, result } = setUp([status(0)]);
      expect(((await result()) as HttpErrorResponse).status).toBe(0);
      expect(source.forceRefreshCount).toBe(0);
    });

    it('counts as a 401 within a minute of exp: one refresh, one retry', async () => {
      const { source, cache, sent, result } = setUp([ok, status(0), ok]);
      // A 2-minute token is refreshed 30 s before its exp: at 45 s left it is still cached.
      source.signIn(fakeJwt({ expiresInSeconds: 120, claims: { iat: START / 1000 } }));
      await result();
      jasmine.clock().tick(75_000);
      expect(cache.fresh()).toBeDefined();
      expect(await result()).toBe('ok');
      expect(source.forceRefreshCount).toBe(1);
      expect(sent[2]).toBe(`Bearer ${source.currentAccessToken}`);
      expect(sent[2]).not.toBe(sent[1]);
    });

    it('after the retry is passed on, and not reported', async () => {
      const { failures, result } = setUp([ok, status(401), status(0)]);
      await result();
      expect(((await result()) as HttpErrorResponse).status).toBe(0);
      expect(failures).toEqual([]);
    });
  });

  it('does not refresh on other errors (403, 500)', async () => {
    const { source, result } = setUp([status(403), status(500)]);
    expect(((await result()) as HttpErrorResponse).status).toBe(403);
    expect(((await result()) as HttpErrorResponse).status).toBe(500);
    expect(source.forceRefreshCount).toBe(0);
  });

  it('sends nothing when unsubscribed while the token is being fetched', async () => {
    const { source, sent, request } = setUp([]);
    request().subscribe().unsubscribe();
    await settle();
    expect(source.fetchCount).toBe(1);
    expect(sent).toEqual([]);
  });

  it('neither retries nor reports when unsubscribed while the refresh after a 401 runs', async () => {
    const rejection = new Subject<never>();
    const { source, failures, sent, request } = setUp([ok, () => rejection]);
    await firstValueFrom(request());
    const subscription = request().subscribe({ error: () => undefined });
    source.failWith(Object.assign(new Error('revoked'), { name: 'NotAuthorizedException' }));
    rejection.error(new HttpErrorResponse({ status: 401 }));
    subscription.unsubscribe();
    await settle();
    expect(source.forceRefreshCount).toBe(1);
    expect(sent.length).toBe(2);
    expect(failures).toEqual([]);
  });

  it('ends the request with an error thrown by next', async () => {
    const boom = new Error('boom');
    const { result } = setUp([
      () => {
        throw boom;
      },
    ]);
    expect(await result()).toBe(boom);
  });
});
