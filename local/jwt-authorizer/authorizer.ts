// JWT authorizer: signature via aws-jwt-verify against the issuer's key set (found as API Gateway
// finds it, discovery.ts, and held for at most a max age, key-set-cache.ts, which the library
// uses through its documented JwksCache interface), then the pure claim checks of claims.ts. Key
// material never comes from the token (jku/jwk/x5u ignored): the verifier only looks keys up by
// `kid` in the issuer's key set.
//
// Verified tokens are remembered (token-cache.ts) so a repeated token skips the RSA signature
// check, and only that: on every hit the library's own claim checks (exp/nbf against the current
// clock, iss) and checkClaims (iss, exp, nbf, iat, aud/client_id, this route's scopes) run again,
// and the hit only counts while the key set cache still holds, for the token's kid, the key that
// verified the signature (a refetch may replace or drop it, and a key set past its max age is
// dropped: either way such hits go back to a full verification). Which key verified a token is
// what the library documents it passes to `customJwtCheck`.
import { JwtVerifier } from 'aws-jwt-verify';
import {
  JwtExpiredError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  KidNotFoundInJwksError,
} from 'aws-jwt-verify/error';
import type { Jwk } from 'aws-jwt-verify/jwk';
import { validateJwtFields } from 'aws-jwt-verify/jwt';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import {
  checkClaims,
  checkHeader,
  extractToken,
  type Decision,
  type Description,
  type JwtRules,
} from './claims.ts';
import { fallbackJwksUri, jwksUriResolver } from './discovery.ts';
import { HttpJwksFetcher } from './jwks-fetcher.ts';
import { KeySetCache } from './key-set-cache.ts';
import { oneLineLogger } from './log-line.ts';
import { VerifiedTokenCache } from './token-cache.ts';

/** Default number of distinct verified tokens remembered per authorizer. */
export const VERIFIED_TOKEN_CACHE_SIZE = 1000;

/**
 * Default seconds a fetched key set is used: API Gateway "caches each issuer's signing keys for
 * up to 1 hour on a best-effort basis" (key-set-cache.ts).
 */
export const JWKS_MAX_AGE_SECONDS = 3600;

export interface AuthorizerOptions {
  issuer: string;
  audience: readonly string[];
  log?: (line: string) => void;
  /**
   * Seconds an unknown kid, or a failed JWKS fetch, blocks further JWKS fetches (API
   * Gateway-like caching; at most one fetch per period while either keeps happening).
   */
  refetchWaitSeconds?: number;
  /** Longest a JWKS (or discovery document) fetch may take (jwks-fetcher.ts). */
  jwksTimeoutMs?: number;
  /**
   * Seconds a fetched key set is used before it is fetched again, JWKS_MAX_AGE_SECONDS by
   * default. A key removed from the issuer's key set stops verifying within this time.
   */
  jwksMaxAgeSeconds?: number;
  /** Monotonic milliseconds for the key set's age and fetch waits (tests); performance.now. */
  monotonicNow?: () => number;
  /** Verified tokens remembered (least recently used dropped first); 0 verifies every request. */
  verifiedTokenCacheSize?: number;
}

/** An accepted token's verified payload (frozen), or why the token was refused. */
export type Authorization =
  { readonly ok: true; readonly claims: Readonly<JwtPayload> } | Exclude<Decision, { ok: true }>;

export interface Authorizer {
  authorize(authorization: string | undefined, scopes: readonly string[]): Promise<Authorization>;
  /** Verified tokens remembered right now (bounded by verifiedTokenCacheSize). */
  readonly cachedTokens: number;
}

interface VerifiedToken {
  /** The payload the library returned once the signature checked out (frozen). */
  readonly payload: JwtPayload;
  /** The token's `kid`, to look its key up again on a hit. */
  readonly kid: string;
  /** The JWK that verified the signature. */
  readonly jwk: Jwk;
}

/**
 * Whether two JWKs are the same key: every member alike (a refetch parses the key set anew, so
 * an unchanged key comes back as another object). Members in another order count as another
 * key, which only costs a full verification.
 */
function sameKey(a: Jwk, b: Jwk): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function createAuthorizer(options: AuthorizerOptions): Authorizer {
  // iss is matched exactly, trailing slash included; the JWKS URL never doubles the slash.
  // The library is given this URI as a label only: the key set cache serves this one issuer and
  // fetches wherever discovery points (discovery.ts).
  const jwksUri = fallbackJwksUri(options.issuer);
  // Library messages quote the token's kid: logged on one escaped line, never raw.
  const log = oneLineLogger(options.log ?? ((line: string) => console.error(line)));
  const waitSeconds = options.refetchWaitSeconds ?? 10;
  const maxAgeSeconds = options.jwksMaxAgeSeconds ?? JWKS_MAX_AGE_SECONDS;
  const fetcher = new HttpJwksFetcher({
    timeoutMs: options.jwksTimeoutMs,
    retryAfterSeconds: waitSeconds,
    log,
    now: options.monotonicNow,
  });
  const locate = jwksUriResolver(options.issuer, { timeoutMs: fetcher.timeoutMs, log });
  /** Where the keys were last fetched from, for log lines. */
  let keysUri = jwksUri;
  const keySet = new KeySetCache({
    load: async () => {
      keysUri = await locate();
      return fetcher.fetchJwks(keysUri);
    },
    maxAgeMs: maxAgeSeconds * 1000,
    unknownKidWaitMs: waitSeconds * 1000,
    now: options.monotonicNow,
    // Each fetched set is also loaded into the verifier with its cacheJwks: the library derives
    // a key object per kid and keeps it until then, so a key published again under a kid it had
    // before would otherwise not replace the old one (key-set-cache.test.ts).
    onLoaded: (keys) => verifier.cacheJwks(keys),
  });
  // iss/aud/exp/nbf/iat/scope are decided by checkClaims (pure, tested exhaustively); the library is
  // asked for the signature and key selection, and checks only exp, nbf and iss of its own.
  const libraryRules = { issuer: options.issuer, audience: null, graceSeconds: 0 } as const;
  const verifier = JwtVerifier.create({ ...libraryRules, jwksUri }, { jwksCache: keySet });
  const verified = new VerifiedTokenCache<VerifiedToken>(
    options.verifiedTokenCacheSize ?? VERIFIED_TOKEN_CACHE_SIZE,
  );

  const rejected = (error: unknown): Authorization => ({
    ok: false,
    status: 401,
    description: describe(error),
  });

  return {
    get cachedTokens() {
      return verified.size;
    },
    async authorize(authorization, scopes) {
      const token = extractToken(authorization);
      if (token === undefined) return { ok: false, status: 401, description: 'no token' };
      const rules: JwtRules = { issuer: options.issuer, audience: options.audience, scopes };

      // Only tokens that passed checkHeader (a pure function of the token) and the signature
      // check are cached, so a hit skips both.
      const hit = verified.get(token);
      if (hit !== undefined) {
        const held = keySet.heldJwk(hit.kid);
        if (held !== undefined && sameKey(held, hit.jwk)) {
          try {
            // The library's time and issuer checks, exactly as verify() runs them after the
            // signature check (validateJwtFields, declared in aws-jwt-verify/jwt).
            validateJwtFields(hit.payload, libraryRules);
          } catch (error) {
            verified.delete(token);
            return rejected(error);
          }
          return accept(hit.payload, rules);
        }
        // The key set no longer holds that key: verify from scratch.
        verified.delete(token);
      }

      const header = checkHeader(token);
      if (!header.ok) return header;

      let payload: JwtPayload;
      let usedKey: { kid: string; jwk: Jwk } | undefined;
      try {
        payload = await verifier.verify(token, {
          // Called once the signature and the library's checks passed, with the key that
          // verified the signature: this call's own record of it.
          customJwtCheck: ({ header: { kid }, jwk }) => {
            if (typeof kid === 'string') usedKey = { kid, jwk };
          },
        });
      } catch (error) {
        // A failed fetch was logged by the fetcher. An unknown kid is logged once per JWKS fetch
        // that did not find it; the requests refused during the wait that follows either one
        // are not logged (any client could flood the log with them).
        if (error instanceof KidNotFoundInJwksError) {
          log(
            `authorizer: ${error.message} at ${keysUri}; no JWKS fetch for other unknown kids for ${waitSeconds} s`,
          );
        }
        return rejected(error);
      }
      Object.freeze(payload);
      if (usedKey !== undefined) verified.set(token, { payload, ...usedKey });
      return accept(payload, rules);
    },
  };
}

/** checkClaims' decision, with the verified claims when it accepts (a backend reads `sub` there). */
function accept(payload: Readonly<JwtPayload>, rules: JwtRules): Authorization {
  const decision = checkClaims(payload, rules, Math.floor(Date.now() / 1000));
  return decision.ok ? { ok: true, claims: payload } : decision;
}

/**
 * The library also checks iss/exp/nbf and the signature; report those as API Gateway words
 * them. Decided by the error's class only: messages quote the token (a kid), which must not be
 * able to choose the description.
 */
function describe(error: unknown): Description {
  if (error instanceof JwtExpiredError) return 'the token has expired';
  if (error instanceof JwtNotBeforeError) return 'the token is not valid yet';
  if (error instanceof JwtInvalidIssuerError) return 'the token does not have a valid issuer';
  if (
    error instanceof JwtInvalidSignatureError ||
    error instanceof JwtInvalidSignatureAlgorithmError
  ) {
    return 'signature is invalid';
  }
  return 'the token is invalid';
}
