import {
  DestroyRef,
  Injectable,
  PLATFORM_ID,
  Signal,
  computed,
  inject,
  signal,
} from '@angular/core';
import { COGNITO_AUTH_CONFIG } from './config';
import { CognitoAuthConfigError } from './errors';
import { decodeJwtPayload } from './jwt';
import { CognitoTokenService } from './token-service';
import { CognitoSessionTokens, CognitoTokenSource } from './token-source';

/**
 * The access token's payload as the app received it. Read, not verified: fit for showing a name
 * or choosing a route, never for trusting it (the API's JWT authorizer does that).
 *
 * @example
 * import type { CognitoAccessTokenClaims } from 'ngx-cognito-gateway';
 * const isAdmin = (claims: CognitoAccessTokenClaims | null) =>
 *   claims?.['cognito:groups']?.includes('admin') ?? false;
 */
export interface CognitoAccessTokenClaims {
  readonly sub?: string;
  readonly username?: string;
  /** Space-separated OAuth scopes. */
  readonly scope?: string;
  readonly 'cognito:groups'?: readonly string[];
  /** Expiry, in seconds since the epoch. */
  readonly exp?: number;
  readonly [claim: string]: unknown;
}

/**
 * Whether the user is signed in, and who, as read-only signals. Kept current from the token
 * source's auth events (Amplify Hub `auth`: sign-in, sign-out, refreshes) and from every session
 * the interceptor fetches, its refreshes included. Works zoneless (signals only).
 *
 * On the server it never asks the token source (the session lives in the browser): it reports
 * signed out and touches no `window`. In the browser it starts signed out until the first read of
 * the session settles, unless the source has the session at hand (the testing kit's does);
 * `check()` waits for a fresh read. Without `provideCognitoAuth` (or, in a test,
 * `provideCognitoAuthTesting()`) there is no token source: injecting it throws
 * `CognitoAuthConfigError` saying so.
 *
 * @example
 * import { computed, inject } from '@angular/core';
 * import { CognitoAuthState } from 'ngx-cognito-gateway';
 *
 * export class ProfileBadge {
 *   readonly auth = inject(CognitoAuthState);
 *   readonly groups = computed(() => this.auth.claims()?.['cognito:groups'] ?? []);
 * }
 */
// Abstract, made by a factory: a class with its own `ɵfac` gets a `ɵprov` that reads it, which
// bundlers (esbuild, Rollup) cannot drop, so an app that never injects the state would still
// contain it. bench/size.test.ts checks that an interceptor-only app does not.
@Injectable({ providedIn: 'root', useFactory: createAuthState })
export abstract class CognitoAuthState {
  /** The access token's claims, or `null` when signed out. */
  abstract readonly claims: Signal<CognitoAccessTokenClaims | null>;
  abstract readonly signedIn: Signal<boolean>;
  /** Cognito's `username` claim (not the e-mail unless the pool uses it as username). */
  abstract readonly username: Signal<string | null>;
  /**
   * Reads the session from the token source now (Amplify: local, unless a refresh is due),
   * updates the signals and resolves whether there is one. If the read fails (e.g. a refresh
   * that cannot reach Cognito), the signals stay as they were and it resolves to `signedIn()`.
   * On the server: `false`, at once.
   */
  abstract check(): Promise<boolean>;
}

function createAuthState(): CognitoAuthState {
  const source =
    inject(CognitoTokenSource, { optional: true }) ??
    fail(
      'CognitoAuthState needs a token source: provideCognitoAuth(config) in the app, or ' +
        "provideCognitoAuthTesting() from 'ngx-cognito-gateway/testing' in a test's providers",
    );
  const onServer = inject(PLATFORM_ID) === 'server';
  /** The current access token; a string, so an unchanged token notifies nobody. */
  const token = signal<string | null>(null);
  /** Reads started, so that only the newest one lands. */
  let reads = 0;
  const apply = (read: number, tokens: CognitoSessionTokens | null) => {
    if (read === reads) token.set(tokens?.accessToken ?? null);
    return !!tokens;
  };
  const claims = computed(() => {
    const value = token();
    return value === null ? null : claimsOf(value);
  });
  const signedIn = computed(() => token() !== null);
  const state: CognitoAuthState = {
    claims,
    signedIn,
    username: computed(() => {
      const name = claims()?.username;
      return typeof name === 'string' ? name : null;
    }),
    check: () => {
      if (onServer) return Promise.resolve(false);
      const read = ++reads;
      return source.fetchTokens({ forceRefresh: false }).then(
        (tokens) => apply(read, tokens),
        () => signedIn(),
      );
    },
  };
  /** What the source has at hand now (the testing kit's: its session), then a fresh read. */
  const read = () => {
    const current = source.currentTokens();
    if (current !== undefined) apply(++reads, current);
    void state.check();
  };
  if (!onServer) {
    inject(DestroyRef).onDestroy(source.onTokensChanged(read));
    // The interceptor's own reads and refreshes, which raise no auth event.
    if (inject(COGNITO_AUTH_CONFIG, { optional: true })) {
      const sessions = inject(CognitoTokenService).sessions.subscribe((tokens) =>
        apply(++reads, tokens),
      );
      inject(DestroyRef).onDestroy(() => sessions.unsubscribe());
    }
    read();
  }
  return state;
}

function fail(message: string): never {
  throw new CognitoAuthConfigError(message);
}

/** A token that is not a JWT: signed in, nothing known about whom. */
function claimsOf(token: string): CognitoAccessTokenClaims {
  return decodeJwtPayload(token) ?? {};
}
