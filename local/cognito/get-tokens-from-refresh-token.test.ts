// GetTokensFromRefreshToken on a real cognito-local process (local/cognito/launch-cognito-local.ts),
// checked against AWS's documented behaviour and against Amplify 6.22's own refresher, the code the
// demo app runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { ROOT } from '../../tools/paths.ts';
import { cognitoCall, CognitoApiError } from './api.ts';
import type { CognitoLocal } from './cognito-local.ts';
import { seedCognito, signIn, type Seeded } from './seed.ts';
import { startSeededCognito } from './testing.ts';

const LIFETIME = 20;

let cognito: CognitoLocal;
let seeded: Seeded;
let stop: (() => Promise<void>) | undefined;

before(
  async () => {
    ({ cognito, seeded, stop } = await startSeededCognito({
      tokenLifetimes: { accessSeconds: LIFETIME, idSeconds: LIFETIME },
    }));
  },
  { timeout: 60_000 },
);
after(() => stop?.());

interface Raw {
  status: number;
  body: Record<string, unknown>;
}

/** The action over plain HTTP, as Amplify sends it, so status codes are visible. */
async function getTokens(body: Record<string, unknown>): Promise<Raw> {
  const response = await fetch(cognito.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const signedIn = (clientId = seeded.userPoolClientId) =>
  signIn(cognito.endpoint, clientId, seeded.credentials.username, seeded.credentials.password);

async function verify(token: string, tokenUse: 'access' | 'id'): Promise<JWTPayload> {
  const issuer = `${cognito.endpoint}/${seeded.userPoolId}`;
  const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  assert.equal(decodeProtectedHeader(token).alg, 'RS256');
  const { payload } = await jwtVerify(token, jwks, { issuer, algorithms: ['RS256'] });
  assert.equal(payload['token_use'], tokenUse);
  if (tokenUse === 'access') assert.equal(payload['client_id'], seeded.userPoolClientId);
  else assert.equal(payload.aud, seeded.userPoolClientId);
  return payload;
}

const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

function assertError(raw: Raw, type: string, message?: RegExp): void {
  assert.equal(raw.status, 400, JSON.stringify(raw.body));
  assert.equal(raw.body['__type'], type);
  if (message) assert.match(String(raw.body['message']), message);
}

test(
  'a valid refresh token gets new RS256 access and id tokens, later exp/iat, ExpiresIn, Bearer, no new refresh token',
  { timeout: 30_000 },
  async () => {
    const first = await signedIn();
    const firstAccess = await verify(first.AccessToken, 'access');
    const firstId = await verify(first.IdToken, 'id');
    await nextSecond(); // iat has one-second resolution

    const raw = await getTokens({
      ClientId: seeded.userPoolClientId,
      RefreshToken: first.RefreshToken,
    });
    assert.equal(raw.status, 200, JSON.stringify(raw.body));
    const result = raw.body['AuthenticationResult'] as Record<string, unknown>;
    assert.deepEqual(Object.keys(result).sort(), [
      'AccessToken',
      'ExpiresIn',
      'IdToken',
      'TokenType',
    ]);
    assert.equal(result['TokenType'], 'Bearer');
    assert.equal(result['ExpiresIn'], LIFETIME);
    assert.notEqual(result['AccessToken'], first.AccessToken);
    assert.notEqual(result['IdToken'], first.IdToken);

    const access = await verify(String(result['AccessToken']), 'access');
    const id = await verify(String(result['IdToken']), 'id');
    for (const [fresh, old] of [
      [access, firstAccess],
      [id, firstId],
    ] as const) {
      assert.ok(fresh.iat! > old.iat!, `iat ${fresh.iat} after ${old.iat}`);
      assert.ok(fresh.exp! > old.exp!, `exp ${fresh.exp} after ${old.exp}`);
      assert.equal(fresh.exp! - fresh.iat!, LIFETIME);
      assert.equal(fresh.sub, old.sub);
      assert.notEqual(fresh.jti, old.jti);
    }

    // No rotation: the refresh token stays valid for the next refresh.
    const again = await getTokens({
      ClientId: seeded.userPoolClientId,
      RefreshToken: first.RefreshToken,
    });
    assert.equal(again.status, 200, JSON.stringify(again.body));
  },
);

test('an unknown, revoked or expired refresh token is a 400 NotAuthorizedException', async () => {
  assertError(
    await getTokens({ ClientId: seeded.userPoolClientId, RefreshToken: 'not-a-refresh-token' }),
    'NotAuthorizedException',
  );

  const revoked = await signedIn();
  await cognitoCall(cognito.endpoint, 'RevokeToken', {
    ClientId: seeded.userPoolClientId,
    Token: revoked.RefreshToken,
  });
  assertError(
    await getTokens({ ClientId: seeded.userPoolClientId, RefreshToken: revoked.RefreshToken }),
    'NotAuthorizedException',
  );

  const shortLived = await seedCognito(cognito.endpoint, {
    clientName: 'short-refresh',
    tokenLifetimes: { refreshSeconds: 1 },
  });
  const expiring = await signedIn(shortLived.userPoolClientId);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  assertError(
    await getTokens({ ClientId: shortLived.userPoolClientId, RefreshToken: expiring.RefreshToken }),
    'NotAuthorizedException',
    /expired/,
  );
});

test('an unknown client is a 400 ResourceNotFoundException; missing parameters are refused', async () => {
  const { RefreshToken } = await signedIn();
  assertError(
    await getTokens({ ClientId: 'no-such-client', RefreshToken }),
    'ResourceNotFoundException',
  );
  assertError(await getTokens({ RefreshToken }), 'InvalidParameterException');
  assertError(await getTokens({ ClientId: seeded.userPoolClientId }), 'InvalidParameterException');
});

test('an app client with a secret needs its ClientSecret', async () => {
  const created = await cognitoCall<{ UserPoolClient: { ClientId: string; ClientSecret: string } }>(
    cognito.endpoint,
    'CreateUserPoolClient',
    {
      UserPoolId: seeded.userPoolId,
      ClientName: 'with-secret',
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    },
  );
  const { ClientId, ClientSecret } = created.UserPoolClient;
  const { RefreshToken } = await signedIn(ClientId);
  assertError(await getTokens({ ClientId, RefreshToken }), 'NotAuthorizedException');
  assertError(
    await getTokens({ ClientId, RefreshToken, ClientSecret: 'wrong' }),
    'NotAuthorizedException',
  );
  const ok = await getTokens({ ClientId, RefreshToken, ClientSecret });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
});

test('everything else is still cognito-local: an unknown action is its 500 Unsupported', async () => {
  await assert.rejects(
    cognitoCall(cognito.endpoint, 'NoSuchAction', {}),
    (error: unknown) =>
      error instanceof CognitoApiError && error.type === 'CognitoLocal#Unsupported',
  );
});

// Amplify 6.22's token refresher (what fetchAuthSession runs when tokens are due), unchanged.
interface AmplifyRefresher {
  refreshAuthTokensWithoutDedupe(input: {
    tokens: { accessToken: { payload: object }; refreshToken: string };
    authConfig: {
      Cognito: { userPoolId: string; userPoolClientId: string; userPoolEndpoint: string };
    };
    username: string;
  }): Promise<{
    accessToken: { toString(): string; payload: JWTPayload };
    idToken?: { toString(): string };
    refreshToken: string;
  }>;
}

async function withFetchCount<T>(run: () => Promise<T>): Promise<{ targets: string[]; result: T }> {
  const realFetch = globalThis.fetch;
  const targets: string[] = [];
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    targets.push(new Headers(init?.headers).get('x-amz-target') ?? '');
    return realFetch(input, init);
  }) as typeof fetch;
  try {
    return { targets, result: await run() };
  } finally {
    globalThis.fetch = realFetch;
  }
}

test(
  "Amplify's refresher gets tokens in one request, and a bad refresh token as NotAuthorizedException without retries",
  { timeout: 30_000 },
  async () => {
    const amplify = (await import(
      pathToFileURL(
        join(
          ROOT,
          'node_modules/@aws-amplify/auth/dist/esm/providers/cognito/utils/refreshAuthTokens.mjs',
        ),
      ).href
    )) as AmplifyRefresher;
    const authConfig = {
      Cognito: {
        userPoolId: seeded.userPoolId,
        userPoolClientId: seeded.userPoolClientId,
        userPoolEndpoint: cognito.endpoint,
      },
    };
    const { RefreshToken } = await signedIn();
    const refresh = (refreshToken: string) =>
      amplify.refreshAuthTokensWithoutDedupe({
        tokens: { accessToken: { payload: {} }, refreshToken },
        authConfig,
        username: seeded.credentials.username,
      });
    const TARGET = 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken';

    const ok = await withFetchCount(() => refresh(RefreshToken));
    assert.deepEqual(ok.targets, [TARGET]);
    await verify(ok.result.accessToken.toString(), 'access');
    await verify(ok.result.idToken!.toString(), 'id');
    assert.equal(ok.result.refreshToken, RefreshToken);

    const bad = await withFetchCount(() =>
      refresh('not-a-refresh-token').then(
        () => assert.fail('refresh with a bad token succeeded'),
        (error: unknown) => error,
      ),
    );
    // One request: Amplify retries 5xx and network errors, never a 400.
    assert.deepEqual(bad.targets, [TARGET]);
    assert.equal((bad.result as Error).name, 'NotAuthorizedException');
  },
);
