import {
  HttpErrorResponse,
  HttpEvent,
  HttpHandler,
  HttpInterceptor,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import {
  EnvironmentInjector,
  Injectable,
  PLATFORM_ID,
  inject,
  runInInjectionContext,
} from '@angular/core';
import { Observable, catchError, defer, of, switchMap, tap, throwError } from 'rxjs';
import { CognitoAuthFailure, CognitoAuthFailureEvents } from './auth-failure-events';
import { COGNITO_AUTH_CONFIG } from './config';
import { NotSignedInError, TokenRefreshError, isNetworkFailure } from './errors';
import { REFRESH_MARGIN_MS } from './jwt';
import { injectPageContext } from './page-context';
import { SKIP_COGNITO_AUTH } from './skip-auth';
import { CognitoTokenService, SendableToken } from './token-service';

/**
 * Adds the Cognito token to requests for allowlisted URLs only; needs `provideCognitoAuth(config)`.
 *
 * @example
 * import { provideHttpClient, withInterceptors } from '@angular/common/http';
 * import { cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
 *
 * providers: [
 *   provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
 *   provideCognitoAuth({ allowedUrls: ['https://api.example.com/v1'] }),
 * ];
 */
export const cognitoAuthInterceptor: HttpInterceptorFn = (req, next) => {
  const tokens = inject(CognitoTokenService); // fails clearly without provideCognitoAuth()
  const { allowlisted, headerName, whenSignedOut } = inject(COGNITO_AUTH_CONFIG);
  const failures = inject(CognitoAuthFailureEvents);
  const url = req.urlWithParams;

  // 1. Only allowlisted requests get a token, unless they opt out or carry the header already.
  if (!allowlisted(url, injectPageContext()) || skipsAuth(req) || req.headers.has(headerName)) {
    return next(req);
  }

  // 2. The server has no session (Amplify's lives in the browser): the request goes without a
  // token, and out of the HTTP transfer cache, so that the browser sends it again with one instead
  // of reusing this unauthenticated answer (Angular's own check misses custom header names, and
  // apps may turn it off with `includeRequestsWithAuthHeaders`).
  if (inject(PLATFORM_ID) === 'server') return next(req.clone({ transferCache: false }));

  // 3. Get the token (in this same turn when one is at hand), set the header, send. No token where
  // this tab held one: the session ended on the way (Cognito refused to refresh it), which is
  // reported as the point to sign in again.
  const held = tokens.holdsToken();
  return firstToken(tokens, url).pipe(
    switchMap((token) => {
      if (!token) return held ? sessionEnded() : signedOut();
      return send(token).pipe(
        catchError((error: unknown) => {
          if (!isRejection(error, token.expiresAt - tokens.now())) throw error;
          return retryOnce(error, token);
        }),
      );
    }),
  );

  function signedOut(): Observable<HttpEvent<unknown>> {
    if (whenSignedOut === 'error') throw new NotSignedInError(url);
    return next(req);
  }

  /** As signed out, and reported: with the API's 401, or at once when nothing is sent. */
  function sessionEnded(): Observable<HttpEvent<unknown>> {
    if (whenSignedOut === 'error') {
      const cause = new NotSignedInError(url);
      failures.report({ reason: 'signed-out', url, status: 0, cause });
      throw cause;
    }
    return next(req).pipe(
      tap({
        error: (error: unknown) => {
          if (is401(error)) reported(error, 'signed-out');
        },
      }),
    );
  }

  function send(token: SendableToken): Observable<HttpEvent<unknown>> {
    return next(req.clone({ setHeaders: { [headerName]: token.header } }));
  }

  // 4. The API refused the token: one refresh, shared with every other refused request, then one
  // retry, whose 401 is final.
  function retryOnce(rejection: HttpErrorResponse, rejected: SendableToken) {
    return defer(() => tokens.refreshAfterRejection(rejected.value)).pipe(
      catchError((cause: unknown) => {
        throw isNetworkFailure(cause)
          ? new TokenRefreshError(url, { cause })
          : reported(rejection, 'refresh-failed', cause);
      }),
      switchMap((replacement) => {
        if (!replacement) throw reported(rejection, 'signed-out');
        return send(replacement).pipe(
          tap({
            error: (error: unknown) => {
              if (is401(error)) reported(error, 'rejected-after-refresh');
            },
          }),
        );
      }),
    );
  }

  /** Reports why a 401 stays a 401; returns it, to be thrown. */
  function reported(rejection: HttpErrorResponse, reason: Reason, cause?: unknown) {
    failures.report({ reason, url, status: rejection.status, cause });
    return rejection;
  }
};

/**
 * The same logic as a DI-class interceptor, registered by `CognitoAuthModule.forRoot`: it runs
 * `cognitoAuthInterceptor` in its injector, as Angular's `HttpXsrfInterceptor` runs its function.
 *
 * @example
 * import { HTTP_INTERCEPTORS, provideHttpClient, withInterceptorsFromDi } from '@angular/common/http';
 * import { CognitoAuthHttpInterceptor } from 'ngx-cognito-gateway';
 *
 * // What forRoot registers; only needed by hand to order it among other DI interceptors.
 * providers: [
 *   provideHttpClient(withInterceptorsFromDi()),
 *   { provide: HTTP_INTERCEPTORS, useClass: CognitoAuthHttpInterceptor, multi: true },
 * ];
 */
@Injectable()
export class CognitoAuthHttpInterceptor implements HttpInterceptor {
  private readonly injector = inject(EnvironmentInjector);

  intercept(req: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    return runInInjectionContext(this.injector, () =>
      cognitoAuthInterceptor(req, (request) => next.handle(request)),
    );
  }
}

type Reason = CognitoAuthFailure['reason'];

/** The token at hand (the request then goes out in this same turn), else the one read. */
function firstToken(tokens: CognitoTokenService, url: string): Observable<SendableToken | null> {
  const atHand = tokens.current();
  if (atHand !== undefined) return of(atHand);
  return defer(() => tokens.get()).pipe(
    catchError((cause: unknown) => throwError(() => new TokenRefreshError(url, { cause }))),
  );
}

/** `has()` first: `get()` would store the default in the request's context. */
function skipsAuth(req: HttpRequest<unknown>): boolean {
  return req.context.has(SKIP_COGNITO_AUTH) && req.context.get(SKIP_COGNITO_AUTH);
}

/**
 * The API refused the token: a 401, or a status 0 when the token was within a minute of expiry
 * (API Gateway's authorizer 401s carry CORS headers only if the API configures CORS; without them
 * the browser reports status 0).
 */
function isRejection(error: unknown, msToExpiry: number): error is HttpErrorResponse {
  return (
    is401(error) ||
    (error instanceof HttpErrorResponse && error.status === 0 && msToExpiry < REFRESH_MARGIN_MS)
  );
}

function is401(error: unknown): error is HttpErrorResponse {
  return error instanceof HttpErrorResponse && error.status === 401;
}
