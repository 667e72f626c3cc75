// Who is calling, from the bearer token: the backend verifies it itself (the second fence of the
// README's security model), with the same module and rules as the gateway's JWT authorizer
// (local/jwt-authorizer), and takes the owner of every task from the verified token's `sub`.
// Nothing a client can set (a header, a query, the body) chooses the owner, so a public backend
// URL called around the gateway is as safe as the gateway.
// Beyond the gateway's rules it takes access tokens only (`token_use: access`), whatever scopes it
// was started with: API Gateway refuses ID tokens on routes with scopes, since only access tokens
// carry `scope`, and without scopes this server would otherwise take an ID token as a bearer
// credential, which an ID token is not (OpenID Connect Core §2).
import type { IncomingMessage } from 'node:http';
import { createAuthorizer } from '../jwt-authorizer/authorizer.ts';
import { wwwAuthenticate } from '../jwt-authorizer/claims.ts';
import { ownerFromSub } from '../../lambda/timer-api/core/owner.ts';
import { problems, type Problem } from '../../lambda/timer-api/core/problem.ts';

/** The owner a request acts for, or the refusal to answer it with (and its headers). */
export type Caller =
  | { readonly ok: true; readonly owner: string }
  | { readonly ok: false; readonly problem: Problem; readonly headers: Record<string, string> };

/** Decides who is calling, before anything else about the request is looked at. */
export type Authenticate = (req: IncomingMessage) => Promise<Caller>;

export interface TokenAuthOptions {
  issuer: string;
  audience: readonly string[];
  /** A token must carry one of these scopes (as the route's AuthorizationScopes); [] = any. */
  scopes?: readonly string[];
  /** Seconds a fetched JWKS is used (default 3600, as API Gateway documents). */
  jwksMaxAgeSeconds?: number;
  log?: (line: string) => void;
}

/**
 * The owner of every task under --insecure-no-auth. No verified token can name it: tokens
 * without a non-empty `sub` are refused, so tasks written in this mode stay out of every real
 * user's reach if the same file is later served with tokens.
 */
export const INSECURE_OWNER = '';

/** --insecure-no-auth: every request acts for INSECURE_OWNER. */
export function noAuthentication(): Authenticate {
  const everyone: Caller = { ok: true, owner: INSECURE_OWNER };
  return async () => everyone;
}

/** A valid access token from the issuer, for the audience, with a required scope if any. */
export function tokenAuthentication(options: TokenAuthOptions): Authenticate {
  const scopes = options.scopes ?? [];
  const authorizer = createAuthorizer({
    issuer: options.issuer,
    audience: options.audience,
    jwksMaxAgeSeconds: options.jwksMaxAgeSeconds,
    log: options.log,
  });
  return async (req) => {
    const result = await authorizer.authorize(req.headers.authorization, scopes);
    if (!result.ok) {
      const problem =
        result.status === 403
          ? problems.forbidden('The token does not have a required scope')
          : problems.unauthorized(`Sign in again: ${result.description}`);
      return {
        ok: false,
        problem,
        headers: { 'www-authenticate': wwwAuthenticate(result, scopes) },
      };
    }
    const refuse = (detail: string): Caller => ({
      ok: false,
      problem: problems.unauthorized(detail),
      headers: {
        'www-authenticate': wwwAuthenticate(
          { status: 401, description: 'the token is invalid' },
          scopes,
        ),
      },
    });
    if (result.claims['token_use'] !== 'access') {
      return refuse(
        'Send an access token: this API takes no other kind (token_use must be access)',
      );
    }
    const owner = ownerFromSub(result.claims.sub);
    if (owner === undefined) {
      return refuse('The token has no subject (sub) that can own tasks: 1 to 255 bytes of text');
    }
    return { ok: true, owner };
  };
}
