// JWT authorizer: signature via aws-jwt-verify against the issuer's key set (found as API Gateway
// finds it, discovery.ts, and held for at most a max age, key-set-cache.ts), then the pure claim
// checks of claims.ts. Key material never comes from the token (jku/jwk/x5u ignored): the verifier
// only looks keys up by `kid` in the issuer's key set.
//
// Verified tokens are remembered (token-cache.ts) so a repeated token skips the RSA signature
// check, and only that: on every hit the library's own claim checks (exp/nbf against the current
// clock, iss) and checkClaims (iss, exp, nbf, iat, aud/client_id, this route's scopes) run again
// and the hit only counts while the JWK that verified the signature is still the one the key set
// cache holds for the token's kid (a refetch replaces the keys, and a key set past its max age is
// dropped: either way such hits go back to a full verification).
import { JwtVerifier } from 'aws-jwt-verify';
import {
  JwtExpiredError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  KidNotFoundInJwksError,
} from 'aws-jwt-verify/error';
import type { JwksCache } from 'aws-jwt-verify/jwk';
import { validateJwtFields } from 'aws-jwt-verify/jwt';
import type { JwtHeader, JwtPayload } from 'aws-jwt-verify/jwt-model';
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

type DecomposedJwt = Parameters<JwksCache['getCachedJwk']>[1];

interface VerifiedToken {
  /** The payload the library returned once the signature checked out (frozen). */
  readonly payload: JwtPayload;
  /** Its header (`kid`, `alg`), to look the JWK up again on a hit. */
  readonly header: JwtHeader;
  /** The JWK object that verified the signature (compared by identity on each hit). */
  readonly jwk: object;
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
  const jwks = new KeySetCache({
    load: async () => {
      keysUri = await locate();
      return fetcher.fetchJwks(keysUri);
    },
    maxAgeMs: maxAgeSeconds * 1000,
    unknownKidWaitMs: waitSeconds * 1000,
    now: options.monotonicNow,
    // The library keeps key objects per (issuer, kid, alg); cacheJwks drops them, so a key
    // published again under a kid it had before is used instead of the old one.
    onLoaded: (keys) => verifier.cacheJwks(keys),
  });
  // Which JWK verified which payload: the library hands the same decomposed payload object to
  // getJwk and returns it from verify(), so the pairing is exact even with concurrent refetches.
  const verifiedWith = new WeakMap<object, { jwk: object; header: JwtHeader }>();
  const recordingJwks: JwksCache = {
    async getJwk(uri, decomposedJwt) {
      const jwk = await jwks.getJwk(uri, decomposedJwt);
      verifiedWith.set(decomposedJwt.payload, { jwk, header: decomposedJwt.header });
      return jwk;
    },
    getCachedJwk: (uri, decomposedJwt) => jwks.getCachedJwk(uri, decomposedJwt),
    addJwks: (uri, keys) => jwks.addJwks(uri, keys),
    getJwks: (uri) => jwks.getJwks(uri),
  };
  // iss/aud/exp/nbf/iat/scope are decided by checkClaims (pure, tested exhaustively); the library is
  // asked for the signature and key selection only.
  const libraryRules = { issuer: options.issuer, audience: null, graceSeconds: 0 } as const;
  const verifier = JwtVerifier.create({ ...libraryRules, jwksUri }, { jwksCache: recordingJwks });
  const verified = new VerifiedTokenCache<VerifiedToken>(
    options.verifiedTokenCacheSize ?? VERIFIED_TOKEN_CACHE_SIZE,
  );

  /** The JWK the JWKS cache holds right now for this header's kid, or undefined. */
  const currentJwk = (header: JwtHeader): object | undefined => {
    try {
      return jwks.getCachedJwk(jwksUri, { header } as DecomposedJwt);
    } catch {
      return undefined;
    }
  };

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
        if (currentJwk(hit.header) === hit.jwk) {
          try {
            // The library's time and issuer checks, exactly as verify() runs them after the
            // signature check.
            validateJwtFields(hit.payload, libraryRules);
          } catch (error) {
            verified.delete(token);
            return rejected(error);
          }
          return accept(hit.payload, rules);
        }
        // The JWKS changed since: verify from scratch.
        verified.delete(token);
      }

      const header = checkHeader(token);
      if (!header.ok) return header;

      let payload: JwtPayload;
      try {
        payload = await verifier.verify(token);
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
      const key = verifiedWith.get(payload);
      if (key !== undefined) {
        verified.set(token, { payload, header: Object.freeze(key.header), jwk: key.jwk });
      }
      return accept(payload, rules);
    },
  };
}

/** The decision alone, without the claims (logs and tests compare decisions). */
export function verdict(authorization: Authorization): Decision {
  return authorization.ok ? { ok: true } : authorization;
}

/** checkClaims' verdict, with the verified claims when it accepts (a backend reads `sub` there). */
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
