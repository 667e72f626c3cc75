/** When a JWT is due for a refresh and when it expires, read from its claims. */
export interface JwtTiming {
  readonly value: string;
  /** `exp` in epoch ms. */
  readonly expiresAt: number;
  /**
   * When to stop handing this token out and fetch a fresh one: a minute before `exp`, or a quarter
   * of the token's lifetime for short-lived tokens, so a refresh is never due on every request.
   */
  readonly refreshAt: number;
  /** `iat` in epoch ms (NaN when absent): the issuer's clock at issue, to measure clock skew. */
  readonly issuedAt: number;
}

/** Also how close to `exp` a status 0 counts as a browser-hidden 401. */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * A token's `exp` and when to refresh it, both `Infinity` when it is not a JWT with an
 * `exp`. Only decides *when* to ask for a fresh token: nothing here trusts the token, the API
 * verifies it. All times are the issuer's clock; the handler corrects for the device's skew.
 */
export function readJwtTiming(value: string): JwtTiming {
  let expiresAt = Infinity;
  let refreshAt = Infinity;
  let issuedAt = NaN;
  try {
    const { exp, iat } = JSON.parse(
      atob(value.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')),
    );
    issuedAt = iat * 1000;
    if (Number.isFinite(exp)) {
      expiresAt = exp * 1000;
      refreshAt = expiresAt - Math.min(REFRESH_MARGIN_MS, iat < exp ? (exp - iat) * 250 : Infinity);
    }
  } catch {
    // No second segment, not base64, not JSON, or `null`.
  }
  return { value, expiresAt, refreshAt, issuedAt };
}
