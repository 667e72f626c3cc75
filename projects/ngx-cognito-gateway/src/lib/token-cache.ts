import type { ResolvedCognitoAuthConfig } from './config';
import { JwtTiming, readJwtTiming } from './jwt-timing';
import { CognitoSessionTokens, CognitoTokenSource } from './token-source';

/** A token ready to send: its timing, and the header value (scheme and token) built once. */
export interface SendableToken extends JwtTiming {
  readonly header: string;
}

/**
 * The last token the source (Amplify) handed out, so that the common case (signed in, token
 * fresh) is synchronous, and every call to the source shared: however many requests ask at once,
 * the source sees one call. The source stays the source of truth: the copy is dropped on its
 * auth events (`drop`) and is not used past `refreshAt`.
 */
export interface TokenCache {
  /** The cached token while it is not due for a refresh; else undefined. */
  fresh(): SendableToken | undefined;
  /**
   * A token to send without waiting: the fresh cached one; else, with nothing cached or under
   * way, the one the source has at hand (`currentTokens`), cached as a fetch's would be. `null`:
   * the source says signed out; `undefined`: wait for `token()`.
   */
  atHand(): SendableToken | null | undefined;
  /**
   * A token to send, or null when signed out: the cached one while fresh, else the source's,
   * refreshed first when due (the due one is still sent if the refresh fails and it has not
   * expired). After the API refused `rejected`: whatever replaced it already, or else one forced
   * refresh, shared by every request that needs it.
   */
  token(rejected?: string): Promise<SendableToken | null>;
  /** The issuer's clock: the device's corrected by the skew measured on forced refreshes. */
  now(): number;
  /** Forgets the copy; a call to the source under way now caches nothing. */
  drop(): void;
  /** Hands every session fetched (refreshes included) to `listener`; one slot, last call wins. */
  watch(listener: (tokens: CognitoSessionTokens | null) => void): void;
}

/**
 * A closure rather than a class: state and helpers are locals, which minifiers shorten (they never
 * rename properties), and this code ships in every app that uses the library.
 */
export function createTokenCache(
  source: CognitoTokenSource,
  { token: kind, scheme }: Pick<ResolvedCognitoAuthConfig, 'token' | 'scheme'>,
): TokenCache {
  let cached: SendableToken | undefined;
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
  const inFlight: (Promise<SendableToken | null> | undefined)[] = [];
  let watcher: ((tokens: CognitoSessionTokens | null) => void) | undefined;

  const now = () => Date.now() + skew;

  const fresh = () => (cached && now() < cached.refreshAt ? cached : undefined);

  /** The token to send from a session, cached and handed to the watcher unless `stale`. */
  const adopt = (tokens: CognitoSessionTokens | null, stale = false): SendableToken | null => {
    const value = kind === 'id' ? tokens?.idToken : tokens?.accessToken;
    const token =
      value === undefined
        ? null
        : { ...readJwtTiming(value), header: scheme ? `${scheme} ${value}` : value };
    // Tokens without a readable `exp` are never cached, but are still sent.
    if (!stale) {
      cached = token && token.expiresAt < Infinity ? token : undefined;
      watcher?.(tokens);
    }
    return token;
  };

  const atHand = () => {
    if (cached || inFlight[0] || inFlight[1]) return fresh();
    const tokens = source.currentTokens();
    if (tokens === undefined) return undefined;
    const token = adopt(tokens);
    if (token === null) return null;
    return now() < token.refreshAt ? token : undefined;
  };

  /** Shared: a forced refresh under way answers every call, a plain fetch every plain one. */
  const fetch = (forceRefresh: boolean): Promise<SendableToken | null> => {
    const slot = +forceRefresh;
    const pending = inFlight[1] ?? inFlight[slot];
    if (pending) return pending;
    const asked = generation;
    const request = source.fetchTokens({ forceRefresh }).then((tokens) => {
      const token = adopt(tokens, asked !== generation);
      if (forceRefresh && token && Number.isFinite(token.issuedAt)) {
        skew = token.issuedAt - Date.now();
      }
      return token;
    });
    const done = () => (inFlight[slot] = undefined);
    request.then(done, done);
    return (inFlight[slot] = request);
  };

  const token = async (rejected?: string): Promise<SendableToken | null> => {
    if (!rejected || !inFlight[1]) {
      const current = fresh() ?? (await fetch(false));
      if (!current || (now() < current.refreshAt && current.value !== rejected)) return current;
      if (!rejected) {
        try {
          return await fetch(true);
        } catch (error) {
          if (now() < current.expiresAt) return current;
          throw error;
        }
      }
    }
    return fetch(true);
  };

  return {
    fresh,
    atHand,
    token,
    now,
    drop: () => {
      generation++;
      cached = undefined;
    },
    watch: (listener) => void (watcher = listener),
  };
}
