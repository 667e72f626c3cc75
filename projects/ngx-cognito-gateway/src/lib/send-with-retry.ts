import { HttpErrorResponse, HttpEvent, HttpHandlerFn, HttpRequest } from '@angular/common/http';
import { Observable, Subscriber } from 'rxjs';
import { CognitoAuthFailure, CognitoAuthFailureEvents } from './auth-failure-events';
import type { ResolvedCognitoAuthConfig } from './config';
import { NotSignedInError, TokenRefreshError } from './errors';
import { REFRESH_MARGIN_MS } from './jwt-timing';
import { leanCatchError } from './lean-catch-error';
import { SendableToken, TokenCache } from './token-cache';

type Events = Observable<HttpEvent<unknown>>;

/** Sends `req` with the token to `next`; see `createSender`. */
export type SendWithToken = (req: HttpRequest<unknown>, next: HttpHandlerFn) => Events;

/**
 * Sends requests with the cache's token: at once when a fresh one is at hand (the common case,
 * no promise in the way), else once a token is there. A rejection of the first try (see
 * `isRejection`) gets one retry with a replacement, the forced refresh shared with every other
 * rejected request; the retry's 401 is final and reported to `failures`.
 */
export function createSender(
  cache: TokenCache,
  failures: CognitoAuthFailureEvents,
  { headerName, whenSignedOut }: Pick<ResolvedCognitoAuthConfig, 'headerName' | 'whenSignedOut'>,
): SendWithToken {
  const send = (
    req: HttpRequest<unknown>,
    next: HttpHandlerFn,
    token: SendableToken,
    firstTry = true,
  ): Events =>
    // `headers.set` is what `clone({ setHeaders })` does, minus an object and its key iteration.
    leanCatchError(
      next(req.clone({ headers: req.headers.set(headerName, token.header) })),
      (error, subscriber) => {
        const status = error instanceof HttpErrorResponse && error.status;
        // The API refused the token: a 401, or a status 0 while the token was nearly expired
        // (API Gateway's authorizer 401s carry CORS headers only if the API configures CORS,
        // else the browser reports them as 0). The first try's gets one retry.
        if (
          firstTry &&
          (status === 401 || (status === 0 && token.expiresAt - cache.now() < REFRESH_MARGIN_MS))
        ) {
          void sendWhenReady(subscriber, req, next, token.value, error as HttpErrorResponse);
        } else {
          if (status === 401) report(req, error as HttpErrorResponse, 'rejected-after-refresh');
          subscriber.error(error);
        }
      },
    );

  /**
   * Sends once a token is there. First try (no `rejection`): signed out follows `whenSignedOut`,
   * a failure is a TokenRefreshError. Retry after `rejection`: without a replacement the caller
   * gets that 401 and `failures` emits, unless the network failed (TokenRefreshError).
   */
  const sendWhenReady = async (
    subscriber: Subscriber<HttpEvent<unknown>>,
    req: HttpRequest<unknown>,
    next: HttpHandlerFn,
    rejected?: string,
    rejection?: HttpErrorResponse,
  ) => {
    try {
      let token: SendableToken | null;
      try {
        token = await cache.token(rejected);
      } catch (cause) {
        if (subscriber.closed) return;
        // Amplify reports an unreachable Cognito as `NetworkError`; fetch itself, a TypeError.
        throw !rejection || cause instanceof TypeError || (cause as Error)?.name === 'NetworkError'
          ? new TokenRefreshError(req.urlWithParams, { cause })
          : report(req, rejection, 'refresh-failed', cause);
      }
      // Unsubscribed while waiting: nothing is sent, nothing reported.
      if (subscriber.closed) return;
      if (token) send(req, next, token, !rejection).subscribe(subscriber);
      else if (rejection) throw report(req, rejection, 'signed-out');
      else if (whenSignedOut === 'error') throw new NotSignedInError(req.urlWithParams);
      else next(req).subscribe(subscriber);
    } catch (error) {
      // Also a throw from `next` or a subscriber: it ends the request rather than vanishing.
      subscriber.error(error);
    }
  };

  /** Reports why a 401 stays a 401; returns it. */
  const report = (
    req: HttpRequest<unknown>,
    rejection: HttpErrorResponse,
    reason: CognitoAuthFailure['reason'],
    cause?: unknown,
  ) => {
    failures.report({ reason, url: req.urlWithParams, status: rejection.status, cause });
    return rejection;
  };

  return (req, next) => {
    const token = cache.atHand();
    if (token) return send(req, next, token);
    if (token === null && whenSignedOut === 'pass') return next(req);
    return new Observable((subscriber) => void sendWhenReady(subscriber, req, next));
  };
}
