// Pure decisions of the HTTP API JWT authorizer, emulating
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
// (token with or without "Bearer ", RSA only, iss exact, aud or else client_id, exp, nbf, iat,
// scopes).

export interface JwtRules {
  issuer: string;
  audience: readonly string[];
  /** Route's AuthorizationScopes; empty = no scope check. */
  scopes: readonly string[];
}

/**
 * Every error_description the gateway can send. A closed set of fixed texts, so nothing from the
 * token (an `alg`, a `kid`, a claim) can reach the www-authenticate header: such text could hold
 * CR/LF or characters a header cannot carry (Node refuses them with a 500), or a `"` that breaks
 * the header's quoting. API Gateway's own descriptions are fixed texts too (troubleshooting page
 * below).
 */
export const DESCRIPTIONS = [
  'no token',
  'token contains an invalid number of segments',
  'invalid token header',
  'signing method is invalid',
  'signature is invalid',
  'the token is invalid',
  'the token does not have a valid issuer',
  'the token has no expiration time',
  'the token has expired',
  'the token is not valid yet',
  'the token was issued in the future',
  'the token does not have a valid audience',
  'the token does not have a required scope',
] as const;
export type Description = (typeof DESCRIPTIONS)[number];

export type Decision = { ok: true } | { ok: false; status: 401 | 403; description: Description };

/** The signature algorithms API Gateway accepts: "RSA-based algorithms" only. */
export const RSA_ALGORITHMS: ReadonlySet<string> = new Set(['RS256', 'RS384', 'RS512']);

/** The identity source is $request.header.Authorization; the "Bearer " prefix is optional. */
export function extractToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  if (/^bearer$/i.test(trimmed)) return undefined;
  const token = /^bearer\s+/i.test(trimmed) ? trimmed.replace(/^bearer\s+/i, '') : trimmed;
  return token === '' ? undefined : token;
}

function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Header check before any key lookup: three parts, JSON header, an RSA `alg`, no `crit`.
 *
 * `crit` names header extensions the recipient must understand, or else reject the token
 * (RFC 7515 §4.1.11). This authorizer understands none, so any `crit` is refused, an empty or
 * malformed one included (§4.1.11 forbids both). aws-jwt-verify (5.x) ignores `crit` entirely and
 * API Gateway's JWT authorizer pages do not mention it, so the RFC decides here.
 */
export function checkHeader(token: string): Decision {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[2] === '') {
    return { ok: false, status: 401, description: 'token contains an invalid number of segments' };
  }
  const header = decodeJsonPart(parts[0]);
  if (header === undefined) return { ok: false, status: 401, description: 'invalid token header' };
  const alg = header.alg;
  if (typeof alg !== 'string' || !RSA_ALGORITHMS.has(alg)) {
    return { ok: false, status: 401, description: 'signing method is invalid' };
  }
  if ('crit' in header) return { ok: false, status: 401, description: 'invalid token header' };
  return { ok: true };
}

function scopesOf(payload: Record<string, unknown>): string[] {
  // API Gateway reads `scope` (space separated) or `scp` (string or list).
  const out: string[] = [];
  for (const claim of [payload.scope, payload.scp]) {
    if (typeof claim === 'string') out.push(...claim.split(' ').filter((s) => s !== ''));
    else if (Array.isArray(claim)) out.push(...claim.filter((s) => typeof s === 'string'));
  }
  return out;
}

/** Claim checks on a payload whose signature has already been verified. */
export function checkClaims(
  payload: Record<string, unknown>,
  rules: JwtRules,
  nowSeconds: number,
): Decision {
  if (payload.iss !== rules.issuer) {
    return { ok: false, status: 401, description: 'the token does not have a valid issuer' };
  }
  if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) {
    return { ok: false, status: 401, description: 'the token has no expiration time' };
  }
  if (payload.exp <= nowSeconds) {
    return { ok: false, status: 401, description: 'the token has expired' };
  }
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > nowSeconds)) {
    return { ok: false, status: 401, description: 'the token is not valid yet' };
  }
  // iat, when present, "must be before the current time" (page above). The same second counts
  // as before, as for nbf: a token is usable in the second it was issued. An iat that is not a
  // number cannot be compared and is refused (the library refuses it too, as unparsable).
  if (
    payload.iat !== undefined &&
    (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat) || payload.iat > nowSeconds)
  ) {
    return { ok: false, status: 401, description: 'the token was issued in the future' };
  }
  // aud wins when present; client_id is only consulted when aud is absent:
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html
  const audiences =
    payload.aud !== undefined
      ? Array.isArray(payload.aud)
        ? payload.aud
        : [payload.aud]
      : [payload.client_id];
  if (!audiences.some((a) => typeof a === 'string' && rules.audience.includes(a))) {
    return { ok: false, status: 401, description: 'the token does not have a valid audience' };
  }
  if (rules.scopes.length > 0) {
    const granted = scopesOf(payload);
    if (!rules.scopes.some((s) => granted.includes(s))) {
      return { ok: false, status: 403, description: 'the token does not have a required scope' };
    }
  }
  return { ok: true };
}

/**
 * A quoted-string (RFC 9110 §5.6.4) that a header can always carry: `"` and `\` escaped, and
 * anything outside printable ASCII replaced. The descriptions are fixed ASCII texts and scopes
 * come from the template or the command line, so this only guards against a bad configuration.
 */
function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?')}"`;
}

/** The header API Gateway sends with authorizer failures (troubleshooting page above). */
export function wwwAuthenticate(
  decision: { status: 401 | 403; description: Description },
  scopes: readonly string[],
): string {
  const error = decision.status === 403 ? 'insufficient_scope' : 'invalid_token';
  return `Bearer scope=${quoted(scopes.join(' '))} error="${error}" error_description=${quoted(decision.description)}`;
}
