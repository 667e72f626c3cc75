// JWT authorizer: signature via aws-jwt-verify against `${issuer}/.well-known/jwks.json`, then the
// pure claim checks of claims.ts. Key material never comes from the token (jku/jwk/x5u ignored):
// the verifier only looks keys up by `kid` in the configured JWKS.
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache, SimplePenaltyBox } from 'aws-jwt-verify/jwk';
import { checkClaims, checkHeader, extractToken, type Decision, type JwtRules } from './claims.ts';

/** aws-jwt-verify's own fetcher speaks https only; cognito-local's issuer is http on loopback. */
export class HttpJwksFetcher {
  readonly timeoutMs: number;
  constructor(timeoutMs = 5000) {
    this.timeoutMs = timeoutMs;
  }
  async fetch(uri: string): Promise<ArrayBuffer> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (response.status !== 200) throw new Error(`JWKS ${uri} answered ${response.status}`);
    return response.arrayBuffer();
  }
}

export interface AuthorizerOptions {
  issuer: string;
  audience: readonly string[];
  log?: (line: string) => void;
  /** Seconds an unknown kid blocks further JWKS refetches (API Gateway-like caching). */
  refetchWaitSeconds?: number;
}

export interface Authorizer {
  authorize(authorization: string | undefined, scopes: readonly string[]): Promise<Decision>;
}

export function createAuthorizer(options: AuthorizerOptions): Authorizer {
  const jwksUri = `${options.issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
  const log = options.log ?? ((line: string) => console.error(line));
  const cache = new SimpleJwksCache({
    fetcher: new HttpJwksFetcher(),
    penaltyBox: new SimplePenaltyBox({ waitSeconds: options.refetchWaitSeconds ?? 10 }),
  });
  // iss/aud/exp/nbf/scope are decided by checkClaims (pure, tested exhaustively); the library is
  // asked for the signature and key selection only.
  const verifier = JwtVerifier.create(
    { issuer: options.issuer, audience: null, jwksUri, graceSeconds: 0 },
    { jwksCache: cache },
  );
  return {
    async authorize(authorization, scopes) {
      const token = extractToken(authorization);
      if (token === undefined) return { ok: false, status: 401, description: 'no token' };
      const header = checkHeader(token);
      if (!header.ok) return header;
      let payload: Record<string, unknown>;
      try {
        payload = (await verifier.verify(token)) as Record<string, unknown>;
      } catch (error) {
        // The library's error classes keep Error's `name`, so the class tells them apart.
        const name = error instanceof Error ? error.constructor.name : 'Error';
        const message = error instanceof Error ? error.message : String(error);
        if (/Fetch|Jwks|Penalty|WaitPeriod/i.test(name) || /fetch|JWKS/i.test(message)) {
          log(`authorizer: JWKS ${jwksUri} unavailable or key not found: ${name}: ${message}`);
        }
        // The library also checks iss/exp/nbf; report those as API Gateway words them.
        return { ok: false, status: 401, description: describe(name, message) };
      }
      return checkClaims(
        payload,
        { issuer: options.issuer, audience: options.audience, scopes } satisfies JwtRules,
        Math.floor(Date.now() / 1000),
      );
    },
  };
}

function describe(name: string, message: string): string {
  if (name === 'JwtExpiredError') return 'the token has expired';
  if (name === 'JwtNotBeforeError') return 'the token is not valid yet';
  if (/issuer/i.test(message)) return 'the token does not have a valid issuer';
  if (/signature/i.test(message)) return 'signature is invalid';
  return 'the token is invalid';
}
