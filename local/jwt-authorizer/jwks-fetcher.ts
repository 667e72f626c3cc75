// Fetches the issuer's JWKS for the key set cache (key-set-cache.ts), over http or https:
// cognito-local's issuer is http on loopback, and aws-jwt-verify's own fetcher speaks https only.
//
// Every way a fetch can fail (no answer in time, connection refused, a status other than 200, a
// body that is not a JWKS) is one JwksFetchError, logged once with its reason when it happens.
// After a failure the URI is not fetched again for `retryAfterSeconds`, the same wait the library
// applies after an unknown kid: during an outage each request gets its 401 at once instead of
// waiting for its own timeout, and the issuer is not asked again on every request. Keys already
// held keep working meanwhile: the key set cache only fetches for a kid it does not hold, or once
// its set is past its max age.
import { assertIsJwks, type Jwks } from 'aws-jwt-verify/jwk';

export class JwksFetchError extends Error {
  override readonly name = 'JwksFetchError';
}

export interface JwksFetcherOptions {
  /** Longest a fetch (connection, status and body) may take. */
  timeoutMs?: number;
  /** Seconds after a failed fetch during which the URI is not fetched again. */
  retryAfterSeconds?: number;
  log?: (line: string) => void;
  /** Monotonic milliseconds (performance.now by default; tests pass their own clock). */
  now?: () => number;
}

/** Why a fetch failed, in words for the log (never token text: the URI is configuration). */
function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof JwksFetchError) return error.message;
  // AbortSignal.timeout rejects with a DOMException named TimeoutError, not an Error subclass.
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no complete answer within ${timeoutMs} ms`;
  }
  // fetch() rejects with TypeError('fetch failed') and the socket error as its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

export class HttpJwksFetcher {
  readonly timeoutMs: number;
  readonly retryAfterMs: number;
  readonly #log: (line: string) => void;
  readonly #now: () => number;
  /** The last failure per URI, on the monotonic clock (a wall clock may be set back). */
  readonly #failures = new Map<string, { at: number; reason: string }>();

  constructor(options: JwksFetcherOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.retryAfterMs = (options.retryAfterSeconds ?? 10) * 1000;
    this.#log = options.log ?? ((line: string) => console.error(line));
    this.#now = options.now ?? (() => performance.now());
  }

  /** The key set at `uri`, checked to be a JWKS; rejects with JwksFetchError. */
  async fetchJwks(uri: string): Promise<Jwks> {
    const failed = this.#failures.get(uri);
    if (failed !== undefined && this.#now() - failed.at < this.retryAfterMs) {
      // Already logged when it failed; one line per request here would let any client flood
      // the log during an outage.
      throw new JwksFetchError(
        `JWKS ${uri} is not fetched again within ${this.retryAfterMs / 1000} s of its last failure (${failed.reason})`,
      );
    }
    try {
      const jwks = await this.#fetchOnce(uri);
      this.#failures.delete(uri);
      return jwks;
    } catch (error) {
      const reason = reasonOf(error, this.timeoutMs);
      this.#failures.set(uri, { at: this.#now(), reason });
      this.#log(
        `authorizer: JwksFetchError: JWKS ${uri} could not be fetched: ${reason}; tokens whose key is not cached get 401 without a new attempt for ${this.retryAfterMs / 1000} s`,
      );
      throw new JwksFetchError(`JWKS ${uri} could not be fetched: ${reason}`, { cause: error });
    }
  }

  async #fetchOnce(uri: string): Promise<Jwks> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new JwksFetchError(`answered HTTP ${response.status}`);
    }
    const body = await response.arrayBuffer();
    // A body that is not a JWKS is a fetch failure like the others: logged, and not fetched
    // again at once.
    try {
      const jwks: Parameters<typeof assertIsJwks>[0] = JSON.parse(
        new TextDecoder('utf-8', { fatal: true }).decode(body),
      );
      assertIsJwks(jwks);
      return jwks;
    } catch (error) {
      throw new JwksFetchError(
        `not a JWKS: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
