import { HttpErrorResponse, HttpEvent, HttpHandlerFn, HttpRequest } from '@angular/common/http';
import { DOCUMENT, DestroyRef, InjectionToken, PLATFORM_ID, REQUEST, inject } from '@angular/core';
import { Observable, Subscriber } from 'rxjs';
import { CognitoAuthFailure, CognitoAuthFailures } from './auth-failures';
import { catching } from './catching';
import { COGNITO_AUTH_CONFIG } from './config';
import { CognitoAuthConfigError, NotSignedInError, TokenRefreshError } from './errors';
import { REFRESH_MARGIN_MS, Token as JwtToken, readToken } from './jwt-timing';
import { SKIP_COGNITO_AUTH } from './skip-auth';
import { CognitoSessionTokens, CognitoTokenSource } from './token-source';

type Events = Observable<HttpEvent<unknown>>;

interface Token extends JwtToken {
  /** The header value: scheme and token. */
  readonly header: string;
}

/**
 * The interceptor's logic, shared by the functional interceptor and the DI-class adapter. An
 * object, not a bare function: `inject()` reads `.name` of what it returns (to spot "not found"),
 * and on a function that is a slow accessor, paid on every request.
 */
export interface CognitoAuthHandler {
  handle(req: HttpRequest<unknown>, next: HttpHandlerFn): Events;
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

const DECISION_MEMO_LIMIT = 256;

/**
 * A closure rather than classes: state and helpers are locals, which minifiers shorten (they never
 * rename properties), and this code ships in every app that uses the library.
 *
 * Tokens: the last one the source (Amplify) handed out is kept so that the common case (signed
 * in, token fresh) is synchronous, and every fetch is shared: however many requests ask at once,
 * the source sees one call. The source stays the source of truth: the copy is dropped on its auth
 * events and is not used past `refreshAt`.
 */
export function createAuthHandler(): CognitoAuthHandler {
  const config = inject(COGNITO_AUTH_CONFIG, { optional: true });
  if (!config) {
    throw new CognitoAuthConfigError(
      'cognitoAuthInterceptor needs provideCognitoAuth() or CognitoAuthModule.forRoot()',
    );
  }
  const { allowlisted, token: kind, headerName, scheme, whenSignedOut } = config;
  // Lower case as HttpHeaders stores it, so has() need not lower-case a copy on every request.
  const header = headerName.toLowerCase();
  const failures = inject(CognitoAuthFailures);
  const source = inject(CognitoTokenSource);
  const onServer = inject(PLATFORM_ID) === 'server';
  // Where relative URLs point, read per new URL, never here, and never with a throw escaping:
  // on the server, the rendered page's URL (its DOM emulation throws on `baseURI`, and Angular
  // resolves relative requests against the page there); in the browser, the document's base URL,
  // as fetch resolves them. Without one (null, or a getter that throws), relative URLs match
  // nothing and go out as they are.
  const page = onServer ? inject(REQUEST) : inject(DOCUMENT, { optional: true });
  /** URL → allowlisted; apps call a handful of URLs, so each is parsed once. */
  const decisions = new Map<string, boolean>();
  let cached: Token | undefined;
  /**
   * The issuer's clock minus the device's, in ms, measured on each forced refresh (the new token's
   * `iat` is the issuer's "now"), as Amplify measures its own clock drift. Without it, a device
   * clock running ahead by more than a token's lifetime would make every token look due, and every
   * request force a refresh.
   */
  let skew = 0;
  /** Bumped when tokens change, so a fetch under way at that moment caches nothing. */
  let generation = 0;
  /** Calls to the source under way: [plain fetch, forced refresh]. */
  const inFlight: (Promise<Token | null> | undefined)[] = [];
  let watcher: ((tokens: CognitoSessionTokens | null) => void) | undefined;
  if (!onServer) {
    inject(DestroyRef).onDestroy(
      source.onTokensChanged(() => {
        generation++;
        cached = undefined;
      }),
    );
  }

  /** Shared: a forced refresh under way answers every call, a plain fetch every plain one. */
  const fetch = (forceRefresh: boolean): Promise<Token | null> => {
    const slot = +forceRefresh;
    const pending = inFlight[1] ?? inFlight[slot];
    if (pending) return pending;
    const asked = generation;
    const request = source.fetchTokens({ forceRefresh }).then((tokens) => {
      const value = kind === 'id' ? tokens?.idToken : tokens?.accessToken;
      // The header value is built once per token, not once per request.
      const token =
        value === undefined
          ? null
          : { ...readToken(value), header: scheme ? `${scheme} ${value}` : value };
      if (forceRefresh && token && Number.isFinite(token.issuedAt)) {
        skew = token.issuedAt - Date.now();
      }
      // Tokens without a readable `exp` are never cached, but are still sent.
      if (asked === generation) {
        cached = token && token.expiresAt < Infinity ? token : undefined;
        watcher?.(tokens);
      }
      return token;
    });
    const done = () => (inFlight[slot] = undefined);
    request.then(done, done);
    return (inFlight[slot] = request);
  };

  /**
   * A token to send, or null when signed out: the cached one while fresh, else the source's,
   * refreshed first when due (the due one is still sent if the refresh fails and it has not
   * expired). After the API refused `rejected`: whatever replaced it already, or else one forced
   * refresh, shared by every request that needs it.
   */
  const tokenFor = async (rejected?: string): Promise<Token | null> => {
    if (!rejected || !inFlight[1]) {
      const token = cached && Date.now() + skew < cached.refreshAt ? cached : await fetch(false);
      if (!token || (Date.now() + skew < token.refreshAt && token.value !== rejected)) return token;
      if (!rejected) {
        try {
          return await fetch(true);
        } catch (error) {
          if (Date.now() + skew < token.expiresAt) return token;
          throw error;
        }
      }
    }
    return fetch(true);
  };

  /**
   * Sends with `token`. On the first try, a 401 (or a status 0 while the token was nearly expired:
   * API Gateway's authorizer 401s carry CORS headers only if the API configures CORS, else the
   * browser reports 0) gets one retry with a replacement; the retry's 401 is final and reported.
   */
  const send = (
    req: HttpRequest<unknown>,
    next: HttpHandlerFn,
    token: Token,
    firstTry = true,
  ): Events => {
    // Same as `clone({ setHeaders })`, minus an object and its key iteration.
    return catching(
      next(req.clone({ headers: req.headers.set(headerName, token.header) })),
      (error, subscriber) => {
        const status = error instanceof HttpErrorResponse && error.status;
        if (
          firstTry &&
          (status === 401 ||
            (status === 0 && token.expiresAt - Date.now() - skew < REFRESH_MARGIN_MS))
        ) {
          sendLater(subscriber, req, next, token.value, error as HttpErrorResponse);
        } else {
          if (status === 401) report(req, error as HttpErrorResponse, 'rejected-after-refresh');
          subscriber.error(error);
        }
      },
    );
  };

  /**
   * Sends once a token is there. First try (no `rejection`): signed out follows `whenSignedOut`,
   * a failure is a TokenRefreshError. Retry after `rejection`: without a replacement the caller
   * gets that 401 and `CognitoAuthFailures` emits, unless the network failed (TokenRefreshError).
   */
  const sendLater = async (
    subscriber: Subscriber<HttpEvent<unknown>>,
    req: HttpRequest<unknown>,
    next: HttpHandlerFn,
    rejected?: string,
    rejection?: HttpErrorResponse,
  ) => {
    try {
      let token: Token | null;
      try {
        token = await tokenFor(rejected);
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

  const handle = (req: HttpRequest<unknown>, next: HttpHandlerFn): Events => {
    const url = req.urlWithParams;
    let allowed = decisions.get(url);
    if (allowed === undefined) {
      let base: string | undefined;
      try {
        base = onServer ? (page as Request).url : (page as Document).baseURI;
      } catch {
        // No base URL: relative URLs match nothing.
      }
      if (decisions.size >= DECISION_MEMO_LIMIT) decisions.clear();
      decisions.set(url, (allowed = allowlisted(url, base)));
    }
    if (
      !allowed ||
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
    if (onServer) return next(req.clone({ transferCache: false }));
    return cached && Date.now() + skew < cached.refreshAt
      ? send(req, next, cached)
      : new Observable((subscriber) => void sendLater(subscriber, req, next));
  };
  return { handle, watch: (listener) => void (watcher = listener) };
}
