/**
 * The claims of a JWT, read and never verified (the API's authorizer verifies): its second
 * segment, base64url-decoded to bytes, read as UTF-8 JSON (RFC 7519), as Cognito encodes it.
 * `undefined` for anything that is not a JWT whose payload is a JSON object.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  try {
    const base64 = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
      return payload as Record<string, unknown>;
    }
  } catch {
    // No second segment, not base64url, or not JSON.
  }
  return undefined;
}

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
 * A token's `exp` and when to refresh it, both `Infinity` when it is not a JWT with a numeric
 * `exp`. Only decides *when* to ask for a fresh token: nothing here trusts the token. All times
 * are the issuer's clock; the token service corrects for the device's skew.
 */
export function readJwtTiming(value: string): JwtTiming {
  const { exp, iat } = decodeJwtPayload(value) ?? {};
  const issuedAt = typeof iat === 'number' ? iat * 1000 : NaN;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) {
    return { value, expiresAt: Infinity, refreshAt: Infinity, issuedAt };
  }
  const lifetime = typeof iat === 'number' && iat < exp ? (exp - iat) * 1000 : Infinity;
  const expiresAt = exp * 1000;
  return {
    value,
    expiresAt,
    refreshAt: expiresAt - Math.min(REFRESH_MARGIN_MS, lifetime / 4),
    issuedAt,
  };
}
