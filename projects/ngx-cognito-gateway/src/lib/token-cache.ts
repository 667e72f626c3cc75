import { DestroyRef, Injectable, PLATFORM_ID, inject } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { CognitoSessionTokens, CognitoTokenSource } from './token-source';
import { JwtTiming, readJwtTiming } from './jwt-timing';

export type TokenKind = 'access' | 'id';

interface CachedToken extends JwtTiming {
  readonly value: string;
}

/**
 * Keeps the last token Amplify handed out so the common case (signed in, token fresh) is
 * synchronous, and makes every refresh shared: however many requests ask at once, the token
 * source sees one call. Amplify stays the source of truth: the copy is dropped on its auth events
 * and before `refreshAt`.
 */
@Injectable({ providedIn: 'root' })
export class CognitoTokenCache {
  private readonly source = inject(CognitoTokenSource);
  private cached: Partial<Record<TokenKind, CachedToken>> = {};
  private generation = 0;
  private fetching?: Promise<CognitoSessionTokens | null>;
  private refreshing?: Promise<CognitoSessionTokens | null>;

  constructor() {
    if (isPlatformBrowser(inject(PLATFORM_ID))) {
      const stop = this.source.onTokensChanged(() => this.drop());
      inject(DestroyRef).onDestroy(stop);
    }
  }

  /** The cached token if it is not yet due for refresh; the interceptor's synchronous fast path. */
  peek(kind: TokenKind): string | undefined {
    const token = this.cached[kind];
    return token !== undefined && Date.now() < token.refreshAt ? token.value : undefined;
  }

  /** A token to send, or null when signed out. Refreshes first when the current one is due. */
  async get(kind: TokenKind): Promise<string | null> {
    const fresh = this.peek(kind);
    if (fresh !== undefined) return fresh;
    const token = pick(await this.fetch(false), kind);
    if (token === undefined || Date.now() < token.refreshAt) return token?.value ?? null;
    try {
      return pick(await this.fetch(true), kind)?.value ?? null;
    } catch (error) {
      // Still valid for a moment: better sent than failed; a 401 would trigger a retry anyway.
      if (Date.now() < token.expiresAt) return token.value;
      throw error;
    }
  }

  /**
   * The token to retry with after the API rejected `rejected`: whatever replaced it already, or
   * else the result of one forced refresh shared by every caller. Null when signed out.
   */
  async replacementFor(kind: TokenKind, rejected: string): Promise<string | null> {
    if (!this.refreshing) {
      const current = await this.get(kind);
      if (current !== rejected) return current;
    }
    return pick(await this.fetch(true), kind)?.value ?? null;
  }

  /** Forget the copy; the next request asks the token source. */
  drop(): void {
    this.generation++;
    this.cached = {};
  }

  private fetch(forceRefresh: boolean): Promise<CognitoSessionTokens | null> {
    const inFlight = forceRefresh ? this.refreshing : (this.refreshing ?? this.fetching);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const request = this.source.fetchTokens({ forceRefresh }).then((tokens) => {
      // An auth event while we waited (e.g. sign-out) wins over what this call returned.
      if (generation === this.generation) this.store(tokens);
      return tokens;
    });
    const settled = request.finally(() => {
      if (forceRefresh) this.refreshing = undefined;
      else this.fetching = undefined;
    });
    if (forceRefresh) this.refreshing = settled;
    else this.fetching = settled;
    return settled;
  }

  private store(tokens: CognitoSessionTokens | null): void {
    this.cached = {};
    if (!tokens) return;
    this.cached.access = toCached(tokens.accessToken);
    this.cached.id = tokens.idToken === undefined ? undefined : toCached(tokens.idToken);
  }
}

function toCached(value: string): CachedToken | undefined {
  const timing = readJwtTiming(value);
  return timing && { value, ...timing };
}

function pick(tokens: CognitoSessionTokens | null, kind: TokenKind): CachedToken | undefined {
  const value = kind === 'access' ? tokens?.accessToken : tokens?.idToken;
  if (value === undefined) return undefined;
  // Tokens without a readable `exp` are never cached, but are still sent.
  return toCached(value) ?? { value, expiresAt: Infinity, refreshAt: Infinity };
}
