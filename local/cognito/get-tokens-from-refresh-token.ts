// The Cognito action GetTokensFromRefreshToken for cognito-local 5.3.0, which does not implement it
// (it answers 500 "CognitoLocal#Unsupported", which Amplify retries). Amplify 6.22 refreshes tokens
// with this action only, so without it no refresh can succeed on the local stack.
//
// Behaviour as AWS documents it:
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
// - request: ClientId and RefreshToken (required), ClientSecret (required when the app client has a
//   secret), DeviceKey, ClientMetadata;
// - response: AuthenticationResult { AccessToken, IdToken, ExpiresIn, TokenType: 'Bearer' }, plus a
//   new RefreshToken when the app client rotates refresh tokens;
// - an invalid, revoked or expired refresh token: 400 NotAuthorizedException.
// Rotation (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
// and API_RefreshTokenRotationType.html): each refresh returns a new refresh token, valid for what
// is left of the original's lifetime; the token sent keeps working for the client's
// RetryGracePeriodSeconds (0 to 60), then is refused with RefreshTokenReuseException, the error
// AWS lists for "a refresh token that has been invalidated by refresh-token rotation". A token used
// again within its grace period gets tokens and a refresh token of its own, and the replacement
// issued first stays valid too (AWS documents no other effect of a retry).
//
// Without rotation the tokens come from cognito-local's own InitiateAuth REFRESH_TOKEN_AUTH flow;
// with it, from cognito-local's token generator. Either way signing, claims and lifetimes stay
// cognito-local's. Added here: the ClientSecret check, the refresh token's own expiry (cognito-local
// never checks it; its refresh tokens are JWTs), ExpiresIn and TokenType. Not emulated: DeviceKey
// (no device tracking), ClientMetadata in the rotating path (no pre-token-generation trigger runs),
// the origin_jti claim AWS adds to tokens of rotating clients, and that a refresh token works only
// with the client that issued it (cognito-local's refresh tokens do not record it).
// Every call is logged for tests (refresh-calls.ts).
import { createPrivateKey } from 'node:crypto';
import { createRequire } from 'node:module';
import { SignJWT } from 'jose';
import { rotationOf } from './app-client-settings.ts';
import {
  appClient,
  attributeValue,
  authenticationResult,
  cognitoError,
  generateTokens,
  jwtClaims,
  notAuthorized,
  required,
  type AppClient,
  type Ctx,
  type Services,
  type Target,
  type TargetTable,
  type User,
} from './internals.ts';
import { localNow } from './local-clock.ts';
import { recordRefreshCall } from './refresh-calls.ts';
import { serialized } from './serialized.ts';
import { addTarget, existingTarget } from './target-table.ts';

const require = createRequire(import.meta.url);

export const TARGET = 'GetTokensFromRefreshToken';

export interface GetTokensFromRefreshTokenRequest {
  ClientId?: string;
  ClientSecret?: string;
  RefreshToken?: string;
  DeviceKey?: string;
  ClientMetadata?: Record<string, string>;
}

export interface GetTokensFromRefreshTokenResponse {
  AuthenticationResult: {
    AccessToken: string;
    IdToken: string;
    ExpiresIn: number;
    TokenType: 'Bearer';
    RefreshToken?: string;
  };
}

/** Rotated-out refresh tokens, on the user record: until when each still works, and its expiry. */
type Retired = Record<string, { graceUntil: number; expiresAt: number }>;

interface Outcome {
  user?: User;
  rotated: boolean;
  inGracePeriod: boolean;
}

/** Adds GetTokensFromRefreshToken to cognito-local's targets (idempotent). */
export function registerGetTokensFromRefreshToken(targets: TargetTable): void {
  // cognito-local's own: its REFRESH_TOKEN_AUTH flow refreshes for clients that do not rotate.
  const initiateAuth = existingTarget(targets, 'InitiateAuth');
  addTarget(targets, TARGET, (services) => getTokens(services, initiateAuth(services)));
}

function getTokens(
  services: Services,
  initiateAuth: Target,
): Target<GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse> {
  return async (ctx, req) => {
    const outcome: Outcome = { rotated: false, inGracePeriod: false };
    const clientId = String(req?.ClientId ?? '');
    try {
      const result = await refresh(services, initiateAuth, ctx, req ?? {}, outcome);
      log(ctx, clientId, outcome, 'ok');
      return result;
    } catch (error) {
      log(ctx, clientId, outcome, String((error as { code?: string }).code ?? 'InternalError'));
      throw error;
    }
  };
}

function log(ctx: Ctx, clientId: string, outcome: Outcome, result: string): void {
  const user = outcome.user;
  recordRefreshCall({
    at: new Date().toISOString(),
    clientId,
    ...(user ? { username: user.Username, email: attributeValue(user, 'email') } : {}),
    outcome: result,
    rotated: outcome.rotated,
    inGracePeriod: outcome.inGracePeriod,
  });
  ctx.logger.info(
    `${TARGET} ${result} client=${clientId} user=${user?.Username ?? '-'}${outcome.rotated ? ' rotated' : ''}`,
  );
}

async function refresh(
  services: Services,
  initiateAuth: Target,
  ctx: Ctx,
  req: GetTokensFromRefreshTokenRequest,
  outcome: Outcome,
): Promise<GetTokensFromRefreshTokenResponse> {
  const ClientId = required(req.ClientId, 'ClientId');
  const RefreshToken = required(req.RefreshToken, 'RefreshToken');
  const client = await appClient(services, ctx, ClientId);
  if (client.ClientSecret !== undefined && req.ClientSecret !== client.ClientSecret) {
    throw notAuthorized(`Unable to verify secret for client ${ClientId}`);
  }
  const refreshExp = jwtClaims(RefreshToken)?.exp;
  if (typeof refreshExp === 'number' && refreshExp * 1000 <= localNow()) {
    throw notAuthorized('Refresh Token has expired');
  }
  if (rotationOf(client).Feature === 'ENABLED') {
    return rotate(services, ctx, client, RefreshToken, outcome);
  }

  const result = (await initiateAuth(ctx, {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId,
    AuthParameters: { REFRESH_TOKEN: RefreshToken },
    ClientMetadata: req.ClientMetadata,
  })) as { AuthenticationResult?: { AccessToken?: string; IdToken?: string } };
  const { AccessToken, IdToken } = result.AuthenticationResult ?? {};
  if (AccessToken === undefined || IdToken === undefined) {
    throw new Error('cognito-local InitiateAuth REFRESH_TOKEN_AUTH returned no tokens');
  }
  const pool = await services.cognito.getUserPoolForClientId(ctx, ClientId);
  outcome.user = (await pool.listUsers(ctx)).find((u) => u.RefreshTokens?.includes(RefreshToken));
  const { ExpiresIn, TokenType } = authenticationResult({ AccessToken });
  return { AuthenticationResult: { AccessToken, IdToken, ExpiresIn, TokenType } };
}

async function rotate(
  services: Services,
  ctx: Ctx,
  client: AppClient,
  token: string,
  outcome: Outcome,
): Promise<GetTokensFromRefreshTokenResponse> {
  const pool = await services.cognito.getUserPoolForClientId(ctx, client.ClientId);
  return serialized(pool.options.Id, async () => {
    const now = localNow();
    const users = await pool.listUsers(ctx);
    let user = users.find((u) => u.RefreshTokens?.includes(token));
    if (!user) {
      user = users.find((u) => retiredOf(u)[token] !== undefined);
      if (!user) throw notAuthorized('Invalid Refresh Token.');
      outcome.user = user;
      if (retiredOf(user)[token]!.graceUntil <= now) {
        throw cognitoError(
          'RefreshTokenReuseException',
          'Refresh token has been invalidated by refresh token rotation.',
        );
      }
      outcome.inGracePeriod = true;
    }
    outcome.user = user;
    if (user.Enabled === false) throw notAuthorized('User is disabled.');

    const tokens = await generateTokens({ services, ctx, pool, client }, user, 'RefreshTokens');
    const expiresAt = Number(jwtClaims(token)?.exp) * 1000;
    const fresh = await refreshTokenExpiringAt(tokens.RefreshToken, expiresAt);
    const retired = Object.fromEntries(
      Object.entries(retiredOf(user)).filter(([, entry]) => entry.expiresAt > now),
    );
    if (!outcome.inGracePeriod) {
      const grace = rotationOf(client).RetryGracePeriodSeconds * 1000;
      retired[token] = { graceUntil: now + grace, expiresAt };
    }
    await pool.saveUser(ctx, {
      ...user,
      RefreshTokens: [...(user.RefreshTokens ?? []).filter((t) => t !== token), fresh],
      RetiredRefreshTokens: retired,
    });
    outcome.rotated = true;
    const { AccessToken, IdToken, ExpiresIn, TokenType } = authenticationResult(tokens);
    return {
      AuthenticationResult: {
        AccessToken,
        IdToken: IdToken!,
        ExpiresIn,
        TokenType,
        RefreshToken: fresh,
      },
    };
  });
}

function retiredOf(user: User): Retired {
  return (user['RetiredRefreshTokens'] ?? {}) as Retired;
}

/**
 * cognito-local's new refresh token (its claims, its RS256 key) re-signed to expire with the one
 * it replaces: "The new refresh token is valid for the remaining duration of the original".
 */
async function refreshTokenExpiringAt(generated: string, expiresAtMs: number): Promise<string> {
  const { pem } = require('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string };
  const claims = jwtClaims(generated) ?? {};
  return new SignJWT({ ...claims, exp: Math.floor(expiresAtMs / 1000) })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .sign(createPrivateKey(pem));
}
