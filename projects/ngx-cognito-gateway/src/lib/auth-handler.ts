import { HttpEvent, HttpHandlerFn, HttpRequest } from '@angular/common/http';
import { DestroyRef, InjectionToken, PLATFORM_ID, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CognitoAuthFailureEvents } from './auth-failure-events';
import { COGNITO_AUTH_CONFIG } from './config';
import { CognitoAuthConfigError } from './errors';
import { createSender } from './send-with-retry';
import { SKIP_COGNITO_AUTH } from './skip-auth';
import { createTokenCache } from './token-cache';
import { CognitoSessionTokens, CognitoTokenSource } from './token-source';
import { memoizeDecisions } from './url-decisions';
import { injectPageContext } from './page-context';

/**
 * The interceptor's logic, shared by the functional interceptor and the DI-class adapter. An
 * object, not a bare function: `inject()` reads `.name` of what it returns (to spot "not found"),
 * and on a function that is a slow accessor, paid on every request.
 */
export interface CognitoAuthHandler {
  handle(req: HttpRequest<unknown>, next: HttpHandlerFn): Observable<HttpEvent<unknown>>;
  /**
   * Hands every session the handler fetches (its refreshes included) to `listener`, the one
   * `CognitoAuthState` of this injector tree: one slot, not a list, since there is one state.
   */
  watch(listener: (tokens: CognitoSessionTokens | null) => void): void;
}

/**
 * One handler per injector that has the config: `provideCognitoAuth`/`forRoot` provide it next to
 * the config, so a lazy route or module with its own HttpClient and config gets its own. The root
 * fallback only exists to fail clearly when no config was provided at all.
 */
export const COGNITO_AUTH_HANDLER = new InjectionToken<CognitoAuthHandler>('COGNITO_AUTH_HANDLER', {
  providedIn: 'root',
  factory: createAuthHandler,
});

/**
 * Wires the parts from DI: which URLs get a token (`memoizeDecisions`), where it comes from
 * (`createTokenCache`), how it is sent and retried (`createSender`). `handle` decides per request.
 */
export function createAuthHandler(): CognitoAuthHandler {
  const config = inject(COGNITO_AUTH_CONFIG, { optional: true });
  if (!config) {
    throw new CognitoAuthConfigError(
      'cognitoAuthInterceptor needs provideCognitoAuth() or CognitoAuthModule.forRoot()',
    );
  }
  // Lower case as HttpHeaders stores it, so has() need not lower-case a copy on every request.
  const header = config.headerName.toLowerCase();
  const source = inject(CognitoTokenSource);
  const cache = createTokenCache(source, config);
  const send = createSender(cache, inject(CognitoAuthFailureEvents), config);
  const onServer = inject(PLATFORM_ID) === 'server';
  const isAllowlisted = memoizeDecisions(config.allowlisted, injectPageContext());
  if (!onServer) inject(DestroyRef).onDestroy(source.onTokensChanged(cache.drop));

  const handle = (req: HttpRequest<unknown>, next: HttpHandlerFn) => {
    if (
      !isAllowlisted(req.urlWithParams) ||
      // has() first: get() would store the default in every request's context.
      (req.context.has(SKIP_COGNITO_AUTH) && req.context.get(SKIP_COGNITO_AUTH)) ||
      req.headers.has(header)
    ) {
      return next(req);
    }
    // The server has no session (Amplify's lives in the browser): the request goes without a token,
    // and out of the HTTP transfer cache, so the browser sends it again with one instead of reusing
    // this unauthenticated answer (Angular's own check misses custom header names, and apps may
    // turn it off with `includeRequestsWithAuthHeaders`).
    return onServer ? next(req.clone({ transferCache: false })) : send(req, next);
  };
  return { handle, watch: cache.watch };
}
