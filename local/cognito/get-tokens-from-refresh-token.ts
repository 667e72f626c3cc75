// The Cognito action GetTokensFromRefreshToken for cognito-local 5.3.0, which does not implement it
// (it answers 500 "CognitoLocal#Unsupported", which Amplify retries). Amplify 6.22 refreshes tokens
// with this action only, so without it no refresh can succeed on the local stack.
//
// Behaviour as AWS documents it:
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
// - request: ClientId and RefreshToken (required), ClientSecret (required when the app client has a
//   secret), DeviceKey, ClientMetadata;
// - response: AuthenticationResult { AccessToken, IdToken, ExpiresIn, TokenType: 'Bearer' }, plus a
//   new RefreshToken only when the app client has refresh token rotation enabled;
// - an invalid, revoked or expired refresh token: 400 NotAuthorizedException.
//
// The tokens come from cognito-local's own InitiateAuth REFRESH_TOKEN_AUTH flow, so signing, claims,
// lifetimes and the refresh token lookup stay cognito-local's. What this adds:
// - the ClientSecret check (cognito-local's InitiateAuth checks no secret);
// - the refresh token's own expiry (cognito-local never checks it; its refresh tokens are JWTs);
// - ExpiresIn (the access token's lifetime) and TokenType, which its refresh flow leaves out.
// Not emulated: DeviceKey (cognito-local has no device tracking) and ClientMetadata (its refresh flow
// passes none to a pre-token-generation trigger). Rotation: cognito-local 5.3.0 does not store an app
// client's RefreshTokenRotation, so it is always off and no RefreshToken is returned; a client that
// somehow has it on gets "unsupported" rather than tokens that silently do not rotate.
import { createRequire } from 'node:module';

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

// The little of cognito-local's internals this uses (its .d.ts files need aws-sdk v2's types).
type Target<Req, Res> = (ctx: unknown, req: Req) => Promise<Res>;
interface AppClient {
  ClientSecret?: string;
  RefreshTokenRotation?: { Feature?: string };
}
interface Services {
  clock: { get(): Date };
  cognito: { getAppClient(ctx: unknown, clientId: string): Promise<AppClient | null> };
}
interface InitiateAuthResponse {
  AuthenticationResult?: { AccessToken?: string; IdToken?: string };
}
type TargetFactory = (services: Services) => Target<unknown, unknown>;
type TargetTable = Record<string, TargetFactory>;
type CognitoErrorClass = new (message?: string) => Error;

const errors = require('cognito-local/lib/errors.js') as {
  NotAuthorizedError: CognitoErrorClass;
  InvalidParameterError: CognitoErrorClass;
  UnsupportedError: CognitoErrorClass;
};

/** cognito-local's route table: its router looks every x-amz-target up here at request time. */
export function cognitoLocalTargets(): TargetTable {
  return (require('cognito-local/lib/targets/targets.js') as { Targets: TargetTable }).Targets;
}

/** Adds GetTokensFromRefreshToken to cognito-local's targets (idempotent). */
export function registerGetTokensFromRefreshToken(targets: TargetTable = cognitoLocalTargets()) {
  const initiateAuthFactory = targets['InitiateAuth'];
  if (initiateAuthFactory === undefined) {
    throw new Error('cognito-local has no InitiateAuth target');
  }
  targets[TARGET] = (services) =>
    getTokensFromRefreshToken(
      services,
      initiateAuthFactory(services) as Target<Record<string, unknown>, InitiateAuthResponse>,
    ) as Target<unknown, unknown>;
}

function getTokensFromRefreshToken(
  services: Services,
  initiateAuth: Target<Record<string, unknown>, InitiateAuthResponse>,
): Target<GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse> {
  return async (ctx, req) => {
    const { ClientId, RefreshToken, ClientSecret } = req ?? {};
    if (typeof ClientId !== 'string' || ClientId === '') {
      throw new errors.InvalidParameterError('Missing required parameter ClientId');
    }
    if (typeof RefreshToken !== 'string' || RefreshToken === '') {
      throw new errors.InvalidParameterError('Missing required parameter RefreshToken');
    }
    // An unknown client is left to InitiateAuth: ResourceNotFoundException, as for every action.
    const client = await services.cognito.getAppClient(ctx, ClientId);
    if (client) {
      if (client.ClientSecret !== undefined && ClientSecret !== client.ClientSecret) {
        throw new errors.NotAuthorizedError(`Unable to verify secret for client ${ClientId}`);
      }
      if (client.RefreshTokenRotation?.Feature === 'ENABLED') {
        throw new errors.UnsupportedError(`${TARGET} with refresh token rotation`);
      }
      const refreshExp = jwtClaims(RefreshToken)?.exp;
      if (typeof refreshExp === 'number' && refreshExp * 1000 <= services.clock.get().getTime()) {
        throw new errors.NotAuthorizedError('Refresh Token has expired');
      }
    }

    const result = await initiateAuth(ctx, {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId,
      AuthParameters: { REFRESH_TOKEN: RefreshToken },
      ClientMetadata: req.ClientMetadata,
    });
    const { AccessToken, IdToken } = result.AuthenticationResult ?? {};
    if (AccessToken === undefined || IdToken === undefined) {
      throw new Error('cognito-local InitiateAuth REFRESH_TOKEN_AUTH returned no tokens');
    }
    const access = jwtClaims(AccessToken);
    const expiresIn =
      typeof access?.exp === 'number' && typeof access.iat === 'number'
        ? access.exp - access.iat
        : undefined;
    if (expiresIn === undefined) throw new Error('cognito-local access token without exp/iat');
    return {
      AuthenticationResult: { AccessToken, IdToken, ExpiresIn: expiresIn, TokenType: 'Bearer' },
    };
  };
}

function jwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
