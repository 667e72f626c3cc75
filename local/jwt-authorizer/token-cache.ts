// A bounded cache of *signature-verified* token payloads, keyed by the exact token string.
// It only saves the RSA signature check and the JWK selection: every time-dependent and
// route-dependent rule is still applied on each hit by the authorizer (authorizer.ts), and an
// entry is only usable while the JWK that verified it is still the one the JWKS cache holds.
// Rejections are never stored, so a hit can never turn a rejection into an acceptance.

/** Least-recently-used, at most `maxEntries` tokens; 0 disables caching. */
export class VerifiedTokenCache<Entry> {
  readonly maxEntries: number;
  readonly #entries = new Map<string, Entry>();
  /** The most recently used entry, which is also the last one in `#entries`. */
  #newest: { token: string; entry: Entry } | undefined;

  constructor(maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 0) {
      throw new RangeError(`maxEntries must be a non-negative integer, got ${maxEntries}`);
    }
    this.maxEntries = maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(token: string): Entry | undefined {
    // The same token again (one user, or one client under load): comparing the strings is
    // cheaper than hashing a kilobyte-long header value for a Map lookup, and needs no reordering.
    if (this.#newest !== undefined && token === this.#newest.token) return this.#newest.entry;
    const entry = this.#entries.get(token);
    if (entry !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry most recently used.
      this.#entries.delete(token);
      this.#entries.set(token, entry);
      this.#newest = { token, entry };
    }
    return entry;
  }

  set(token: string, entry: Entry): void {
    if (this.maxEntries === 0) return;
    this.#entries.delete(token);
    while (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    this.#entries.set(token, entry);
    this.#newest = { token, entry };
  }

  delete(token: string): void {
    this.#entries.delete(token);
    if (token === this.#newest?.token) this.#newest = undefined;
  }
}
