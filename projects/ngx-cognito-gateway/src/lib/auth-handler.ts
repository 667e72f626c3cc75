import { HttpErrorResponse, HttpEvent, HttpHandlerFn, HttpRequest } from '@angular/common/http';
import { DOCUMENT, Injectable, PLATFORM_ID, inject } from '@angular/core';
import { isPlatformServer } from '@angular/common';
import { Observable, catchError, defer, switchMap, throwError } from 'rxjs';
import { CognitoAuthFailure, CognitoAuthFailures } from './auth-failures';
import { COGNITO_AUTH_CONFIG, ResolvedCognitoAuthConfig } from './config';
import { CognitoAuthConfigError, NotSignedInError, TokenRefreshError } from './errors';
import { isNearExpiry } from './jwt-timing';
import { SKIP_COGNITO_AUTH } from './skip-auth';
import { CognitoTokenCache } from './token-cache';
import { AllowlistMatcher, compileAllowlist } from './url-allowlist';

const DECISION_MEMO_LIMIT = 256;

/** The interceptor's logic, shared by the functional interceptor and the DI-class adapter. */
@Injectable({ providedIn: 'root' })
export class CognitoAuthHandler {
  private readonly config = requireConfig();
  private readonly cache = inject(CognitoTokenCache);
  private readonly failures = inject(CognitoAuthFailures);
  private readonly onServer = isPlatformServer(inject(PLATFORM_ID));
  private readonly baseUrl = inject(DOCUMENT, { optional: true })?.baseURI;
  private readonly allowlisted: AllowlistMatcher = compileAllowlist(this.config.allowedUrls);
  /** URL → decision; apps call a handful of URLs, so parsing each once keeps the hot path cheap. */
  private readonly decisions = new Map<string, boolean>();

  handle(req: HttpRequest<unknown>, next: HttpHandlerFn): Observable<HttpEvent<unknown>> {
    if (
      this.onServer ||
      req.context.get(SKIP_COGNITO_AUTH) ||
      req.headers.has(this.config.headerName) ||
      !this.isAllowlisted(req.urlWithParams)
    ) {
      return next(req);
    }
    const token = this.cache.peek(this.config.token);
    if (token !== undefined) return this.sendWithToken(req, next, token);
    return defer(() => this.cache.get(this.config.token)).pipe(
      catchError((cause: unknown) =>
        throwError(() => new TokenRefreshError(req.urlWithParams, { cause })),
      ),
      switchMap((fresh) =>
        fresh === null ? this.sendSignedOut(req, next) : this.sendWithToken(req, next, fresh),
      ),
    );
  }

  private isAllowlisted(url: string): boolean {
    let decision = this.decisions.get(url);
    if (decision === undefined) {
      decision = this.allowlisted(url, this.baseUrl);
      if (this.decisions.size >= DECISION_MEMO_LIMIT) this.decisions.clear();
      this.decisions.set(url, decision);
    }
    return decision;
  }

  private sendSignedOut(
    req: HttpRequest<unknown>,
    next: HttpHandlerFn,
  ): Observable<HttpEvent<unknown>> {
    return this.config.whenSignedOut === 'error'
      ? throwError(() => new NotSignedInError(req.urlWithParams))
      : next(req);
  }

  private sendWithToken(
    req: HttpRequest<unknown>,
    next: HttpHandlerFn,
    token: string,
  ): Observable<HttpEvent<unknown>> {
    const sentAt = Date.now();
    return next(this.withToken(req, token)).pipe(
      catchError((error: unknown) =>
        this.isRejection(error, token, sentAt)
          ? this.refreshAndRetryOnce(req, next, token, error)
          : throwError(() => error),
      ),
    );
  }

  /**
   * A 401, or a status 0 while the token was (nearly) expired: API Gateway's authorizer 401s
   * carry no CORS headers unless the API configures CORS, and then the browser reports status 0.
   */
  private isRejection(error: unknown, token: string, sentAt: number): error is HttpErrorResponse {
    return (
      error instanceof HttpErrorResponse &&
      (error.status === 401 || (error.status === 0 && isNearExpiry(token, sentAt)))
    );
  }

  private refreshAndRetryOnce(
    req: HttpRequest<unknown>,
    next: HttpHandlerFn,
    rejected: string,
    rejection: HttpErrorResponse,
  ): Observable<HttpEvent<unknown>> {
    const url = req.urlWithParams;
    return defer(() => this.cache.replacementFor(this.config.token, rejected)).pipe(
      catchError((cause: unknown) => {
        if (isNetworkFailure(cause)) return throwError(() => new TokenRefreshError(url, { cause }));
        this.report({ reason: 'refresh-failed', url, status: rejection.status, cause });
        return throwError(() => rejection);
      }),
      switchMap((replacement) => {
        if (replacement === null) {
          this.report({ reason: 'signed-out', url, status: rejection.status });
          return throwError(() => rejection);
        }
        return next(this.withToken(req, replacement)).pipe(
          catchError((error: unknown) => {
            if (error instanceof HttpErrorResponse && error.status === 401) {
              this.report({ reason: 'rejected-after-refresh', url, status: 401 });
            }
            return throwError(() => error);
          }),
        );
      }),
    );
  }

  private withToken(req: HttpRequest<unknown>, token: string): HttpRequest<unknown> {
    const { headerName, scheme } = this.config;
    return req.clone({ setHeaders: { [headerName]: scheme ? `${scheme} ${token}` : token } });
  }

  private report(failure: CognitoAuthFailure): void {
    this.failures.report(failure);
  }
}

function requireConfig(): ResolvedCognitoAuthConfig {
  const config = inject(COGNITO_AUTH_CONFIG, { optional: true });
  if (!config) {
    throw new CognitoAuthConfigError(
      'cognitoAuthInterceptor needs provideCognitoAuth({ allowedUrls }) (or CognitoAuthModule.forRoot) in the same injector',
    );
  }
  return config;
}

/** Amplify reports an unreachable Cognito as `NetworkError`; fetch itself as a TypeError. */
function isNetworkFailure(cause: unknown): boolean {
  return cause instanceof TypeError || (cause instanceof Error && cause.name === 'NetworkError');
}
