import { DestroyRef, Injectable, PLATFORM_ID, inject } from '@angular/core';
import { Observable, Subject } from 'rxjs';
import { COGNITO_AUTH_CONFIG } from './config';
import { CognitoAuthConfigError } from './errors';
import { JwtTiming, readJwtTiming } from './jwt';
import { CognitoSessionTokens, CognitoTokenSource } from './token-source';

/** A token ready to send: its timing, and the header value (scheme and token). */
export interface SendableToken extends JwtTiming {
  readonly header: string;
}

/**
 * The token the interceptor sends. It keeps the last one the source (Amplify) handed out, so a
 * signed-in request with a fresh token waits for nothing, and it shares calls to the source:
 * however many requests ask at once, the source sees one read, or one forced refresh. The source
 * stays the source of truth: the copy is dropped on its auth events and not used past `refreshAt`.
 *
 * One per injector with a config (`provideCognitoAuth` and `forRoot` provide it beside the
 * config, so a lazy route with its own config gets its own); the root one exists only to fail
 * clearly when no config was provided at all.
 */
@Injectable({ providedIn: 'root' })
export class CognitoTokenService {
  private readonly config =
    inject(COGNITO_AUTH_CONFIG, { optional: true }) ??
    fail('cognitoAuthInterceptor needs provideCognitoAuth() or CognitoAuthModule.forRoot()');
  private readonly source = inject(CognitoTokenSource);
  private readonly read$ = new Subject<CognitoSessionTokens | null>();
  /** Every session read from the source (refreshes included); `CognitoAuthState` follows it. */
  readonly sessions: Observable<CognitoSessionTokens | null> = this.read$.asObservable();

  private cached: SendableToken | undefined;
  /**
   * The issuer's clock minus the device's, in ms, measured on each forced refresh (the new token's
   * `iat` is the issuer's "now"), as Amplify measures its own clock drift. Without it, a device
   * clock running ahead by more than a token's lifetime would make every token look due, and every
   * request force a refresh.
   */
  private skew = 0;
  /** Bumped by `drop()`, so that a read under way at that moment asks again. */
  private generation = 0;
  private reading: Promise<SendableToken | null> | undefined;
  private refreshing: Promise<SendableToken | null> | undefined;

  constructor() {
    // On the server there is no session, and nothing may touch Amplify.
    if (inject(PLATFORM_ID) !== 'server') {
      inject(DestroyRef).onDestroy(this.source.onTokensChanged(() => this.drop()));
    }
  }

  /** The issuer's clock: the device's, corrected by the measured skew. */
  now(): number {
    return Date.now() + this.skew;
  }

  /**
   * A token to send without waiting: the cached one while fresh; with nothing cached or under
   * way, the one the source has at hand (`currentTokens`). `null`: the source says signed out;
   * `undefined`: wait for `get()`.
   */
  current(): SendableToken | null | undefined {
    if (this.cached || this.reading || this.refreshing) return this.fresh();
    const tokens = this.source.currentTokens();
    if (tokens === undefined) return undefined;
    const token = this.keep(tokens);
    if (token === null) return null;
    return this.isFresh(token) ? token : undefined;
  }

  /**
   * A token to send, or `null` when signed out: the cached one while fresh, else the source's,
   * refreshed first when it is due. A due token is still sent if the refresh fails and it has not
   * expired yet.
   */
  async get(): Promise<SendableToken | null> {
    const token = this.fresh() ?? (await this.read());
    if (!token || this.isFresh(token)) return token;
    try {
      return await this.forceRefresh();
    } catch (error) {
      if (this.now() < token.expiresAt) return token;
      throw error;
    }
  }

  /**
   * A replacement for `rejected`, the token the API refused: the one that replaced it already
   * (another request's refresh, an auth event), else the forced refresh every rejected request
   * shares. `null`: signed out.
   */
  async refreshAfterRejection(rejected: string): Promise<SendableToken | null> {
    if (!this.refreshing) {
      const token = this.fresh() ?? (await this.read());
      if (!token || (this.isFresh(token) && token.value !== rejected)) return token;
    }
    return this.forceRefresh();
  }

  /**
   * Whether a token handed out is still held: no auth event has dropped it since. A request that
   * then gets no token lost its session on the way (a refresh Cognito refused).
   */
  holdsToken(): boolean {
    return this.cached !== undefined;
  }

  /** Forgets the cached token; a read under way now asks again. */
  drop(): void {
    this.generation++;
    this.cached = undefined;
  }

  /** One plain read of the source, shared; a forced refresh under way answers it too. */
  private read(): Promise<SendableToken | null> {
    if (this.refreshing) return this.refreshing;
    this.reading ??= this.ask({ forceRefresh: false }).finally(() => (this.reading = undefined));
    return this.reading;
  }

  /**
   * One forced refresh (Amplify: a call to Cognito with the refresh token), shared by every caller
   * until it settles; it measures the clock skew.
   */
  private forceRefresh(): Promise<SendableToken | null> {
    const asked = Date.now();
    this.refreshing ??= this.ask({ forceRefresh: true })
      .then((token) => {
        if (token && Number.isFinite(token.issuedAt)) this.skew = skewOf(token, asked);
        return token;
      })
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /**
   * The source's answer, cached and published. If the tokens changed while it was under way (the
   * event of its own refresh, a sign-out in another tab…), it asks again, refreshing no more, so
   * that what it hands out is the session as it is now; a third change in a row, and it hands out
   * the last answer uncached.
   */
  private async ask(options: { forceRefresh: boolean }): Promise<SendableToken | null> {
    for (let attempt = 1; ; attempt++) {
      const generation = this.generation;
      const tokens = await this.source.fetchTokens(options);
      if (generation === this.generation) return this.keep(tokens);
      if (attempt === 3) return this.sendable(tokens);
      options = { forceRefresh: false };
    }
  }

  /** The token to send from a session, cached (unless it has no readable `exp`) and published. */
  private keep(tokens: CognitoSessionTokens | null): SendableToken | null {
    const token = this.sendable(tokens);
    this.cached = token && token.expiresAt < Infinity ? token : undefined;
    this.read$.next(tokens);
    return token;
  }

  private sendable(tokens: CognitoSessionTokens | null): SendableToken | null {
    const value = this.config.token === 'id' ? tokens?.idToken : tokens?.accessToken;
    if (value === undefined) return null;
    const { scheme } = this.config;
    return { ...readJwtTiming(value), header: scheme ? `${scheme} ${value}` : value };
  }

  private fresh(): SendableToken | undefined {
    return this.cached && this.isFresh(this.cached) ? this.cached : undefined;
  }

  private isFresh(token: SendableToken): boolean {
    return this.now() < token.refreshAt;
  }
}

/**
 * The smallest skew a token fetched since `asked` allows. `iat` has whole seconds, so the issuer's
 * clock was in [iat, iat + 1 s) when the token was made, at some moment between `asked` and now by
 * the device's clock: a skew within that range is no skew (a second of rounding is no reason to
 * refresh a second late), and one outside it is corrected only as far as it must be.
 */
function skewOf(token: SendableToken, asked: number): number {
  const earliest = token.issuedAt - Date.now();
  const latest = token.issuedAt + 1000 - asked;
  return Math.min(Math.max(0, earliest), latest);
}

function fail(message: string): never {
  throw new CognitoAuthConfigError(message);
}
