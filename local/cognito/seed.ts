// Idempotent seed: one user pool, one app client (USER_PASSWORD_AUTH + REFRESH_TOKEN_AUTH, no
// secret, as a browser app client must be), and two users with permanent passwords: the demo
// user, and a second one to try per-user isolation by hand (each sees only their own timers).
import { CognitoApiError, cognitoCall } from './api.ts';

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
}

export interface Seeded {
  userPoolId: string;
  userPoolClientId: string;
  username: string;
  password: string;
  /** The second user. */
  other: { username: string; password: string };
}

export const DEMO_USERNAME = 'demo@example.com';
export const DEMO_PASSWORD = 'Demo-Passw0rd!';
export const OTHER_USERNAME = 'other@example.com';
export const OTHER_PASSWORD = 'Other-Passw0rd!';

function clientSettings(lifetimes: TokenLifetimes = {}): Record<string, unknown> {
  return {
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
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
  if (userPoolId === undefined) {
    const created = await cognitoCall<{ UserPool: { Id: string } }>(endpoint, 'CreateUserPool', {
      PoolName: poolName,
      UsernameAttributes: ['email'],
    });
    userPoolId = created.UserPool.Id;
  }

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
        ...clientSettings(options.tokenLifetimes),
      },
    );
    userPoolClientId = created.UserPoolClient.ClientId;
  } else {
    // Re-applied on every start so a changed lifetime option takes effect on an existing data dir.
    await cognitoCall(endpoint, 'UpdateUserPoolClient', {
      UserPoolId: userPoolId,
      ClientId: userPoolClientId,
      ClientName: clientName,
      ...clientSettings(options.tokenLifetimes),
    });
  }

  await ensureUser(endpoint, userPoolId, username, password);
  const other = { username: OTHER_USERNAME, password: OTHER_PASSWORD };
  await ensureUser(endpoint, userPoolId, other.username, other.password);
  return { userPoolId, userPoolClientId, username, password, other };
}

/** Creates the user if missing and (re)sets a permanent password. */
async function ensureUser(
  endpoint: string,
  userPoolId: string,
  username: string,
  password: string,
): Promise<void> {
  try {
    await cognitoCall(endpoint, 'AdminGetUser', { UserPoolId: userPoolId, Username: username });
  } catch (error) {
    if (!(error instanceof CognitoApiError) || !/UserNotFound/.test(error.type)) throw error;
    await cognitoCall(endpoint, 'AdminCreateUser', {
      UserPoolId: userPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: username },
        { Name: 'email_verified', Value: 'true' },
      ],
    });
  }
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
