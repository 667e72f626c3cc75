export interface JwtTiming {
  /** `exp` in epoch ms. */
  readonly expiresAt: number;
  /**
   * When to stop handing this token out and fetch a fresh one: a minute before `exp`, or a quarter
   * of the token's lifetime for short-lived tokens, so a refresh is never due on every request.
   */
  readonly refreshAt: number;
}

const REFRESH_MARGIN_MS = 60_000;

/**
 * `exp`/`iat` of a JWT, or undefined if it is not a JWT with an `exp`. Only decides *when* to ask
 * for a fresh token: nothing here trusts the token, the API verifies it.
 */
export function readJwtTiming(token: string): JwtTiming | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  let claims: { exp?: unknown; iat?: unknown };
  try {
    claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null) return undefined;
  const { exp, iat } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
  const expiresAt = exp * 1000;
  const lifetime = typeof iat === 'number' && iat < exp ? expiresAt - iat * 1000 : Infinity;
  return { expiresAt, refreshAt: expiresAt - Math.min(REFRESH_MARGIN_MS, lifetime / 4) };
}

/** Expired, or so close to it that a browser-hidden 401 (status 0) is the likely story. */
export function isNearExpiry(token: string, at: number): boolean {
  const timing = readJwtTiming(token);
  return timing !== undefined && timing.expiresAt - at < REFRESH_MARGIN_MS;
}
