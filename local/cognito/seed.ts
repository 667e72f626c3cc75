// Idempotent seed: one user pool, one app client (USER_AUTH and USER_PASSWORD_AUTH, no
// secret, as a browser app client must be), two users with permanent passwords (the demo user,
// and a second one to try per-user isolation by hand: each sees only their own timers), and a
// third with only a temporary password, to try the "choose a new password" step. The pool
// verifies email, as Amplify-created pools do, so sign-up codes are "sent" (cognito-local logs
// them and keeps them in its data file), and lets users turn on TOTP MFA. As the template's pool
// and client do, the pool offers choice-based sign-in (password, passkey, email code; passkeys for
// the relying party `localhost`) and the client rotates refresh tokens with a grace period; the
// pool's password policy and the client's PreventUserExistenceErrors are the template's
// (template-pool.ts).
import { CognitoApiError, cognitoCall } from './api.ts';
import { templatePool, type TemplatePool } from './template-pool.ts';

export interface TokenLifetimes {
  /** Access and id token validity in seconds (Cognito's minimum on AWS is 5 minutes). */
  accessSeconds?: number;
  idSeconds?: number;
  refreshSeconds?: number;
}

export interface SeedOptions {
  poolName?: string;
  clientName?: string;
  username?: string;
  password?: string;
  tokenLifetimes?: TokenLifetimes;
  /**
   * Refresh token rotation of the app client: its retry grace period in seconds (default
   * REFRESH_TOKEN_GRACE_SECONDS, the template's default), or false for none.
   */
  refreshTokenRotation?: { graceSeconds: number } | false;
}

export interface Credentials {
  username: string;
  password: string;
}

/** What the seed made; the local stack hands these on as they are (LocalStack extends Seeded). */
export interface Seeded {
  userPoolId: string;
  userPoolClientId: string;
  /** The demo user. */
  credentials: Credentials;
  /** A second user, to see that users never see each other's timers. */
  otherCredentials: Credentials;
  /** A user in FORCE_CHANGE_PASSWORD state, reset on every seed: signing in asks for a new password. */
  newPasswordCredentials: { username: string; temporaryPassword: string };
}

export const DEMO_USERNAME = 'demo@example.com';
export const DEMO_PASSWORD = 'Demo-Passw0rd!';
export const OTHER_USERNAME = 'other@example.com';
export const OTHER_PASSWORD = 'Other-Passw0rd!';
export const NEW_PASSWORD_USERNAME = 'new-password@example.com';
export const TEMPORARY_PASSWORD = 'Temp-Passw0rd!';

/** The template's RefreshTokenRetryGraceSeconds default (a test keeps the two equal). */
export const REFRESH_TOKEN_GRACE_SECONDS = 10;
/** The relying party of passkeys offline: browsers allow WebAuthn on localhost, not on an IP. */
export const LOCAL_RELYING_PARTY = 'localhost';
/** Every first factor the local pool can offer (email codes are "sent" like sign-up codes). */
const SIGN_IN_POLICY = { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN', 'EMAIL_OTP'] };

function clientSettings(
  lifetimes: TokenLifetimes = {},
  template: TemplatePool,
  rotation: SeedOptions['refreshTokenRotation'] = { graceSeconds: REFRESH_TOKEN_GRACE_SECONDS },
): Record<string, unknown> {
  return {
    // With rotation, REFRESH_TOKEN_AUTH is off, as AWS says (local/cognito/app-client-settings.ts).
    ExplicitAuthFlows: [
      'ALLOW_USER_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
      ...(rotation ? [] : ['ALLOW_REFRESH_TOKEN_AUTH']),
    ],
    RefreshTokenRotation: rotation
      ? { Feature: 'ENABLED', RetryGracePeriodSeconds: rotation.graceSeconds }
      : { Feature: 'DISABLED' },
    PreventUserExistenceErrors: template.preventUserExistenceErrors,
    AccessTokenValidity: lifetimes.accessSeconds ?? 3600,
    IdTokenValidity: lifetimes.idSeconds ?? 3600,
    RefreshTokenValidity: lifetimes.refreshSeconds ?? 30 * 24 * 3600,
    TokenValidityUnits: { AccessToken: 'seconds', IdToken: 'seconds', RefreshToken: 'seconds' },
  };
}

export async function seedCognito(endpoint: string, options: SeedOptions = {}): Promise<Seeded> {
  const poolName = options.poolName ?? 'ngx-cognito-gateway-local';
  const clientName = options.clientName ?? 'demo-app';
  const username = options.username ?? DEMO_USERNAME;
  const password = options.password ?? DEMO_PASSWORD;

  const pools = await cognitoCall<{ UserPools?: { Id: string; Name: string }[] }>(
    endpoint,
    'ListUserPools',
    {
      MaxResults: 60,
    },
  );
  let userPoolId = pools.UserPools?.find((p) => p.Name === poolName)?.Id;
  // What works offline works on AWS: the template's password policy refuses "alllowercase" here too.
  const template = templatePool();
  const settings = {
    AutoVerifiedAttributes: ['email'],
    // One Policies object: UpdateUserPool replaces it whole.
    Policies: { PasswordPolicy: template.passwordPolicy, SignInPolicy: SIGN_IN_POLICY },
  };
  if (userPoolId === undefined) {
    const created = await cognitoCall<{ UserPool: { Id: string } }>(endpoint, 'CreateUserPool', {
      PoolName: poolName,
      UsernameAttributes: ['email'],
      ...settings,
    });
    userPoolId = created.UserPool.Id;
  } else {
    // A data dir seeded before: UpdateUserPool sets every setting it names and resets the others
    // (MFA is set again below).
    await cognitoCall(endpoint, 'UpdateUserPool', { UserPoolId: userPoolId, ...settings });
  }

  // Users may turn on an authenticator app (TOTP), as on a pool with MFA "optional"; cognito-local
  // defaults to OFF, where it never asks for the code.
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
  await cognitoCall(endpoint, 'SetUserPoolMfaConfig', {
    UserPoolId: userPoolId,
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
    WebAuthnConfiguration: { RelyingPartyId: LOCAL_RELYING_PARTY, UserVerification: 'preferred' },
  });

  const clients = await cognitoCall<{
    UserPoolClients?: { ClientId: string; ClientName: string }[];
  }>(endpoint, 'ListUserPoolClients', { UserPoolId: userPoolId, MaxResults: 60 });
  let userPoolClientId = clients.UserPoolClients?.find(
    (c) => c.ClientName === clientName,
  )?.ClientId;
  if (userPoolClientId === undefined) {
    const created = await cognitoCall<{ UserPoolClient: { ClientId: string } }>(
      endpoint,
      'CreateUserPoolClient',
      {
        UserPoolId: userPoolId,
        ClientName: clientName,
        GenerateSecret: false,
        ...clientSettings(options.tokenLifetimes, template, options.refreshTokenRotation),
      },
    );
    userPoolClientId = created.UserPoolClient.ClientId;
  } else {
    // Re-applied on every start so a changed lifetime option takes effect on an existing data dir.
    await cognitoCall(endpoint, 'UpdateUserPoolClient', {
      UserPoolId: userPoolId,
      ClientId: userPoolClientId,
      ClientName: clientName,
      ...clientSettings(options.tokenLifetimes, template, options.refreshTokenRotation),
    });
  }

  await ensureUser(endpoint, userPoolId, username, password);
  const other = { username: OTHER_USERNAME, password: OTHER_PASSWORD };
  await ensureUser(endpoint, userPoolId, other.username, other.password);
  const newPassword = { username: NEW_PASSWORD_USERNAME, temporaryPassword: TEMPORARY_PASSWORD };
  await ensureTemporaryPassword(
    endpoint,
    userPoolId,
    newPassword.username,
    newPassword.temporaryPassword,
  );
  return {
    userPoolId,
    userPoolClientId,
    credentials: { username, password },
    otherCredentials: other,
    newPasswordCredentials: newPassword,
  };
}

/**
 * Puts the user in FORCE_CHANGE_PASSWORD with this temporary password, creating it if missing:
 * AdminCreateUser with TemporaryPassword for a new user, and for one who already chose a password,
 * AdminSetUserPassword with Permanent false, which AWS documents as setting a temporary password
 * that must be changed at the next sign-in
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserPassword.html).
 * So every start offers the step again.
 */
export async function ensureTemporaryPassword(
  endpoint: string,
  userPoolId: string,
  username: string,
  temporaryPassword: string,
): Promise<void> {
  const created = await createIfMissing(endpoint, userPoolId, username, {
    TemporaryPassword: temporaryPassword,
  });
  if (created) return;
  await cognitoCall(endpoint, 'AdminSetUserPassword', {
    UserPoolId: userPoolId,
    Username: username,
    Password: temporaryPassword,
    Permanent: false,
  });
}

/** AdminCreateUser (email verified, no invitation) unless the user exists; true when created. */
async function createIfMissing(
  endpoint: string,
  userPoolId: string,
  username: string,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  try {
    await cognitoCall(endpoint, 'AdminGetUser', { UserPoolId: userPoolId, Username: username });
    return false;
  } catch (error) {
    if (!(error instanceof CognitoApiError) || !/UserNotFound/.test(error.type)) throw error;
  }
  await cognitoCall(endpoint, 'AdminCreateUser', {
    UserPoolId: userPoolId,
    Username: username,
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: username },
      { Name: 'email_verified', Value: 'true' },
    ],
    ...extra,
  });
  return true;
}

/**
 * Creates the user if missing and (re)sets a permanent password; the e2e suite gives each test a
 * user of its own this way, so no test sees another's timers.
 */
export async function ensureUser(
  endpoint: string,
  userPoolId: string,
  username: string,
  password: string,
): Promise<void> {
  await createIfMissing(endpoint, userPoolId, username);
  await cognitoCall(endpoint, 'AdminSetUserPassword', {
    UserPoolId: userPoolId,
    Username: username,
    Password: password,
    Permanent: true,
  });
}

/** USER_PASSWORD_AUTH sign-in, as the demo app does against cognito-local. */
export async function signIn(
  endpoint: string,
  clientId: string,
  username: string,
  password: string,
): Promise<{ AccessToken: string; IdToken: string; RefreshToken: string; ExpiresIn: number }> {
  const result = await cognitoCall<{
    AuthenticationResult: {
      AccessToken: string;
      IdToken: string;
      RefreshToken: string;
      ExpiresIn: number;
    };
  }>(endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return result.AuthenticationResult;
}
