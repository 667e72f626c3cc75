// The little of cognito-local 5.3.0's internals the emulated actions use, typed here because its
// .d.ts files need aws-sdk v2's types, and the helpers every action shares: its errors, required
// parameters, tokens, AWS's shapes of answers. Each action registers into cognito-local's own
// target table (target-table.ts) and reads and writes users, app clients and pools through
// cognito-local's own services, so everything lands in its data files (`.cognito/db/*.json` under
// its working directory) and survives a restart. A type an action needs is declared here, once,
// so that every action reads cognito-local alike.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The environment variable naming the origins the app is served on (comma-separated). */
export const WEBAUTHN_ORIGINS_ENV = 'COGNITO_LOCAL_WEBAUTHN_ORIGINS';

/** cognito-local's per-request context: a pino logger. */
export interface Ctx {
  logger: { info(message: string): void; warn(message: string): void };
}

export type Target<Req = Record<string, unknown>, Res = unknown> = (
  ctx: Ctx,
  req: Req,
) => Promise<Res>;

export interface Attribute {
  Name: string;
  Value?: string;
}

/** A stored user; the actions here add fields of their own, which cognito-local keeps as they are. */
export interface User {
  Username: string;
  Attributes?: Attribute[];
  UserStatus?: string;
  Enabled?: boolean;
  Password?: string;
  RefreshTokens?: string[];
  [field: string]: unknown;
}

export interface RefreshTokenRotation {
  Feature: 'ENABLED' | 'DISABLED';
  RetryGracePeriodSeconds?: number;
}

export interface AppClient {
  ClientId: string;
  ClientName?: string;
  ClientSecret?: string;
  UserPoolId: string;
  ExplicitAuthFlows?: string[];
  PreventUserExistenceErrors?: string;
  RefreshTokenRotation?: RefreshTokenRotation;
  AuthSessionValidity?: number;
  [field: string]: unknown;
}

export interface WebAuthnConfiguration {
  RelyingPartyId?: string;
  UserVerification?: 'required' | 'preferred';
}

/** The PasswordPolicy of AWS::Cognito::UserPool (and of the CreateUserPool API). */
export interface PasswordPolicy {
  MinimumLength?: number;
  RequireLowercase?: boolean;
  RequireUppercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
  TemporaryPasswordValidityDays?: number;
}

export interface UserPoolOptions {
  Id: string;
  Name?: string;
  AutoVerifiedAttributes?: string[];
  Policies?: {
    PasswordPolicy?: PasswordPolicy;
    SignInPolicy?: { AllowedFirstAuthFactors?: string[] };
    [policy: string]: unknown;
  };
  WebAuthnConfiguration?: WebAuthnConfiguration;
  [field: string]: unknown;
}

export interface UserPool {
  readonly options: UserPoolOptions;
  getUserByUsername(ctx: Ctx, username: string): Promise<User | null>;
  listUsers(ctx: Ctx): Promise<User[]>;
  saveUser(ctx: Ctx, user: User): Promise<void>;
  storeRefreshToken(ctx: Ctx, refreshToken: string, user: User): Promise<void>;
  listUserGroupMembership(ctx: Ctx, user: User): Promise<string[]>;
  updateOptions(ctx: Ctx, options: UserPoolOptions): Promise<void>;
  saveAppClient(ctx: Ctx, client: AppClient): Promise<void>;
}

export interface Tokens {
  AccessToken: string;
  IdToken: string;
  RefreshToken: string;
}

/** Where a code went (AWS's CodeDeliveryDetailsType); the API answers Destination masked. */
export interface CodeDeliveryDetails {
  AttributeName: string;
  DeliveryMedium: 'EMAIL' | 'SMS';
  Destination: string;
}

export interface Services {
  clock: { get(): Date };
  /** cognito-local's confirmation code generator (6 digits, or the CODE environment variable). */
  otp(): string;
  config: { TokenConfig: { IssuerDomain: string } };
  cognito: {
    getAppClient(ctx: Ctx, clientId: string): Promise<AppClient | null>;
    getUserPool(ctx: Ctx, userPoolId: string): Promise<UserPool>;
    getUserPoolForClientId(ctx: Ctx, clientId: string): Promise<UserPool>;
  };
  messages: {
    deliver(
      ctx: Ctx,
      source: string,
      clientId: string,
      userPoolId: string,
      user: User,
      code: string,
      clientMetadata: Record<string, string> | undefined,
      delivery: CodeDeliveryDetails,
    ): Promise<void>;
  };
  tokenGenerator: {
    generate(
      ctx: Ctx,
      user: User,
      groups: string[],
      client: AppClient,
      clientMetadata: Record<string, string> | undefined,
      source: 'Authentication' | 'RefreshTokens',
    ): Promise<Tokens>;
  };
}

/**
 * One request through an app client: cognito-local's services, the request's context, the client
 * and its pool, and the request's ClientMetadata (handed on to the pool's triggers).
 */
export interface ClientRequest {
  services: Services;
  ctx: Ctx;
  pool: UserPool;
  client: AppClient;
  clientMetadata?: Record<string, string>;
}

export type TargetFactory = (services: Services) => Target;
export type TargetTable = Record<string, TargetFactory>;

const { CognitoError } = require('cognito-local/lib/errors.js') as {
  CognitoError: new (code: string, message: string) => Error;
};

/**
 * A 400 `{ __type: code, message }`, as cognito-local answers its own CognitoErrors and as AWS
 * answers every documented error of an action.
 */
export function cognitoError(code: string, message: string): Error {
  return new CognitoError(code, message);
}

export const notAuthorized = (message: string) => cognitoError('NotAuthorizedException', message);
export const invalidParameter = (message: string) =>
  cognitoError('InvalidParameterException', message);
export const resourceNotFound = (message: string) =>
  cognitoError('ResourceNotFoundException', message);

/**
 * A required string parameter of a request: AWS answers a missing (or empty) one with
 * InvalidParameterException, before it looks anything up.
 */
export function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') {
    throw invalidParameter(`Missing required parameter ${name}`);
  }
  return value;
}

/** The app client a request names; one that does not exist is AWS's ResourceNotFoundException. */
export async function appClient(
  services: Services,
  ctx: Ctx,
  clientId: string,
): Promise<AppClient> {
  const client = await services.cognito.getAppClient(ctx, clientId);
  if (!client) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  return client;
}

/** cognito-local's signed tokens for `user` through the request's client, with the user's groups. */
export async function generateTokens(
  { services, ctx, pool, client, clientMetadata }: ClientRequest,
  user: User,
  source: 'Authentication' | 'RefreshTokens',
): Promise<Tokens> {
  const groups = await pool.listUserGroupMembership(ctx, user);
  return services.tokenGenerator.generate(ctx, user, groups, client, clientMetadata, source);
}

/** A JWT's claims, unverified (for tokens this process signed or is about to verify). */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
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

export function attributeValue(user: User, name: string): string | undefined {
  return user.Attributes?.find((attribute) => attribute.Name === name)?.Value;
}

/** A code emailed to `address`. */
export function emailDelivery(address: string): CodeDeliveryDetails {
  return { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: address };
}

/** Where a code went, as Cognito shows it: `d***@e***`, or a phone number's last four digits. */
export function masked({ DeliveryMedium, Destination }: CodeDeliveryDetails): string {
  if (DeliveryMedium === 'SMS') return `+*******${Destination.slice(-4)}`;
  const [local = '', domain = ''] = Destination.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

/**
 * AWS's AuthenticationResult: the tokens plus ExpiresIn (the access token's lifetime) and
 * TokenType, which cognito-local leaves out.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AuthenticationResultType.html
 */
export function authenticationResult(tokens: Partial<Tokens> & { AccessToken: string }): {
  AccessToken: string;
  IdToken?: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
} {
  const access = jwtClaims(tokens.AccessToken);
  if (typeof access?.exp !== 'number' || typeof access.iat !== 'number') {
    throw new Error('cognito-local access token without exp/iat');
  }
  return { ...tokens, ExpiresIn: access.exp - access.iat, TokenType: 'Bearer' };
}
