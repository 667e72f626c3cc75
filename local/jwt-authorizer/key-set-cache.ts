// One issuer's signing keys, held as API Gateway documents it holds them ("Signing keys and
// troubleshooting JWT authorizers",
// https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer-keys.html):
// - "API Gateway caches each issuer's signing keys for up to 1 hour on a best-effort basis": the
//   key set is used for at most `maxAgeMs` after the fetch that brought it. After that it is gone,
//   and no key in it verifies (nor vouches for a remembered token, authorizer.ts) until a fetch
//   brings the set again. A key the issuer removed therefore stops verifying at the latest one max
//   age after the last fetch that still listed it.
// - "When API Gateway receives a token signed with a key it hasn't seen, it retrieves the key set
//   again": an unknown kid fetches the set at once. If the new set lacks that kid too, no fetch
//   for an unknown kid happens for `unknownKidWaitMs`, so a client sending made-up kids cannot
//   make the gateway fetch on every request. Failed fetches have their own wait (jwks-fetcher.ts).
// - Requests that need the set while a fetch runs share that fetch.
// Time is monotonic milliseconds (a wall clock may be set back), injectable for tests.
//
// It implements aws-jwt-verify's JwksCache for one issuer: the library asks by JWKS URI, and this
// cache answers for the issuer it was made for whatever URI is passed (authorizer.ts gives the
// library a label; where the keys really come from is decided by `load`, see discovery.ts).
import {
  JwksNotAvailableInCacheError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import { findJwkInJwks, type Jwks, type JwksCache, type JwkWithKid } from 'aws-jwt-verify/jwk';
import type { DecomposedJwt } from 'aws-jwt-verify/jwt';

export interface KeySetCacheOptions {
  /** Fetches the key set (discovery and fetch errors are its business). */
  load: () => Promise<Jwks>;
  /** How long a fetched key set is used. */
  maxAgeMs: number;
  /** After a fetch that did not have a token's kid, no fetch for an unknown kid for this long. */
  unknownKidWaitMs: number;
  /** Monotonic milliseconds; performance.now by default. */
  now?: () => number;
  /** Called with every key set a fetch brings (authorizer.ts drops derived key objects then). */
  onLoaded?: (jwks: Jwks) => void;
}

function kidOf(decomposedJwt: DecomposedJwt): string {
  const kid = decomposedJwt.header.kid;
  if (typeof kid !== 'string') {
    throw new JwtWithoutValidKidError('JWT header does not have valid kid claim');
  }
  return kid;
}

export class KeySetCache implements JwksCache {
  readonly maxAgeMs: number;
  readonly unknownKidWaitMs: number;
  readonly #load: () => Promise<Jwks>;
  readonly #now: () => number;
  readonly #onLoaded: ((jwks: Jwks) => void) | undefined;
  #held: { jwks: Jwks; fetchedAt: number } | undefined;
  #loading: Promise<Jwks> | undefined;
  #noUnknownKidFetchUntil = -Infinity;

  constructor(options: KeySetCacheOptions) {
    for (const [name, value] of [
      ['maxAgeMs', options.maxAgeMs],
      ['unknownKidWaitMs', options.unknownKidWaitMs],
    ] as const) {
      if (!Number.isFinite(value) || value < 0) {
        throw new RangeError(`${name} must be a non-negative number, got ${value}`);
      }
    }
    this.maxAgeMs = options.maxAgeMs;
    this.unknownKidWaitMs = options.unknownKidWaitMs;
    this.#load = options.load;
    this.#now = options.now ?? (() => performance.now());
    this.#onLoaded = options.onLoaded;
  }

  /** The key set while it is within its max age; once past it, dropped for good. */
  #current(): Jwks | undefined {
    if (this.#held !== undefined && this.#now() - this.#held.fetchedAt >= this.maxAgeMs) {
      this.#held = undefined;
    }
    return this.#held?.jwks;
  }

  /** The key held for `kid` right now (the set within its max age), or undefined. */
  heldJwk(kid: string): JwkWithKid | undefined {
    const jwks = this.#current();
    return jwks === undefined ? undefined : findJwkInJwks(jwks, kid);
  }

  getCachedJwk(_jwksUri: string, decomposedJwt: DecomposedJwt): JwkWithKid {
    const kid = kidOf(decomposedJwt);
    if (this.#current() === undefined) {
      throw new JwksNotAvailableInCacheError('no current key set');
    }
    const jwk = this.heldJwk(kid);
    if (jwk === undefined)
      throw new KidNotFoundInJwksError(`JWK for kid ${kid} not found in the JWKS`);
    return jwk;
  }

  async getJwk(_jwksUri: string, decomposedJwt: DecomposedJwt): Promise<JwkWithKid> {
    const kid = kidOf(decomposedJwt);
    const held = this.#current();
    if (held !== undefined) {
      const jwk = findJwkInJwks(held, kid);
      if (jwk !== undefined) return jwk;
      if (this.#now() < this.#noUnknownKidFetchUntil) {
        throw new WaitPeriodNotYetEndedJwkError(
          'Not allowed to fetch JWKS yet, still waiting for back off period to end',
        );
      }
    }
    // No current set (never fetched, or past its max age), or a kid it lacks: fetch.
    const jwks = await this.getJwks();
    const jwk = findJwkInJwks(jwks, kid);
    if (jwk === undefined) {
      this.#noUnknownKidFetchUntil = this.#now() + this.unknownKidWaitMs;
      throw new KidNotFoundInJwksError(`JWK for kid ${kid} not found in the JWKS`);
    }
    this.#noUnknownKidFetchUntil = -Infinity;
    return jwk;
  }

  /** A key set given from outside counts as fetched now (the library's cacheJwks). */
  addJwks(_jwksUri: string, jwks: Jwks): void {
    if (this.#held?.jwks === jwks) return;
    this.#held = { jwks, fetchedAt: this.#now() };
  }

  /** Fetches the key set (one fetch at a time) and holds it from the moment the fetch started. */
  getJwks(_jwksUri?: string): Promise<Jwks> {
    if (this.#loading === undefined) {
      const startedAt = this.#now();
      this.#loading = this.#load()
        .then((jwks) => {
          this.#held = { jwks, fetchedAt: startedAt };
          this.#onLoaded?.(jwks);
          return jwks;
        })
        .finally(() => {
          this.#loading = undefined;
        });
    }
    return this.#loading;
  }
}
