// GetTokensFromRefreshToken on a real cognito-local process (local/cognito/launch-cognito-local.ts),
// checked against AWS's documented behaviour, with and without refresh token rotation, and against
// Amplify 6.22's own refresher, the code the demo app runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { ROOT } from '../../tools/paths.ts';
import { cognitoCall, CognitoApiError } from './api.ts';
import { setLocalClock } from './local-clock.ts';
import { refreshCalls } from './refresh-calls.ts';
import { REFRESH_TOKEN_GRACE_SECONDS, seedCognito, signIn } from './seed.ts';
import { ok, refused, useSeededCognito, type RawAnswer } from './testing.ts';

const LIFETIME = 20;

const local = useSeededCognito({
  tokenLifetimes: { accessSeconds: LIFETIME, idSeconds: LIFETIME },
});
const call = local.call;
type Raw = RawAnswer;
let stillClient: Promise<string> | undefined;
/** An app client of the same pool that does not rotate refresh tokens, made on first use. */
const still = () =>
  (stillClient ??= seedCognito(local.cognito.endpoint, {
    clientName: 'no-rotation',
    refreshTokenRotation: false,
    tokenLifetimes: { accessSeconds: LIFETIME, idSeconds: LIFETIME },
  }).then((seeded) => seeded.userPoolClientId));

const getTokens = (body: Record<string, unknown>) => call('GetTokensFromRefreshToken', body);
const refreshWith = (RefreshToken: string, ClientId = local.seeded.userPoolClientId) =>
  getTokens({ ClientId, RefreshToken });

const signedIn = (clientId = local.seeded.userPoolClientId) =>
  signIn(
    local.cognito.endpoint,
    clientId,
    local.seeded.credentials.username,
    local.seeded.credentials.password,
  );

async function verify(
  token: string,
  tokenUse: 'access' | 'id',
  clientId = local.seeded.userPoolClientId,
) {
  const issuer = `${local.cognito.endpoint}/${local.seeded.userPoolId}`;
  const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  assert.equal(decodeProtectedHeader(token).alg, 'RS256');
  const { payload } = await jwtVerify(token, jwks, { issuer, algorithms: ['RS256'] });
  assert.equal(payload['token_use'], tokenUse);
  if (tokenUse === 'access') assert.equal(payload['client_id'], clientId);
  else assert.equal(payload.aud, clientId);
  return payload;
}

const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as JWTPayload;
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

const assertOk = (raw: Raw) => ok(raw)['AuthenticationResult'] as Record<string, unknown>;
const assertError = refused;

test(
  'rotation: new RS256 tokens and a new refresh token that expires with the one it replaces',
  { timeout: 30_000 },
  async () => {
    const first = await signedIn();
    const firstAccess = await verify(first.AccessToken, 'access');
    await nextSecond(); // iat has one-second resolution

    const got = assertOk(await refreshWith(first.RefreshToken));
    assert.deepEqual(Object.keys(got).sort(), [
      'AccessToken',
      'ExpiresIn',
      'IdToken',
      'RefreshToken',
      'TokenType',
    ]);
    assert.equal(got['TokenType'], 'Bearer');
    assert.equal(got['ExpiresIn'], LIFETIME);
    const access = await verify(String(got['AccessToken']), 'access');
    await verify(String(got['IdToken']), 'id');
    assert.ok(access.iat! > firstAccess.iat! && access.exp! > firstAccess.exp!);
    assert.equal(access.sub, firstAccess.sub);

    const fresh = String(got['RefreshToken']);
    assert.notEqual(fresh, first.RefreshToken);
    assert.equal(claims(fresh).exp, claims(first.RefreshToken).exp);
    // The new one refreshes, and rotates in turn.
    const next = assertOk(await refreshWith(fresh));
    assert.notEqual(next['RefreshToken'], fresh);
  },
);

test('the rotated-out token works for the grace period, then RefreshTokenReuseException', async () => {
  const { RefreshToken } = await signedIn();
  const fresh = String(assertOk(await refreshWith(RefreshToken))['RefreshToken']);

  // Within the grace period (a retry, or a second tab): tokens, and a refresh token of its own.
  setLocalClock(local.dataDir, REFRESH_TOKEN_GRACE_SECONDS - 2);
  const retry = assertOk(await refreshWith(RefreshToken));
  assert.ok(retry['RefreshToken'] && retry['RefreshToken'] !== fresh);

  setLocalClock(local.dataDir, REFRESH_TOKEN_GRACE_SECONDS + 1);
  assertError(await refreshWith(RefreshToken), 'RefreshTokenReuseException', /rotation/);
  // Its replacements are unaffected.
  assertOk(await refreshWith(fresh));
  assertOk(await refreshWith(String(retry['RefreshToken'])));
});

test('a grace period of 0 ends the old token at once', async () => {
  const strict = await seedCognito(local.cognito.endpoint, {
    clientName: 'no-grace',
    refreshTokenRotation: { graceSeconds: 0 },
  });
  const { RefreshToken } = await signedIn(strict.userPoolClientId);
  assertOk(await refreshWith(RefreshToken, strict.userPoolClientId));
  assertError(
    await refreshWith(RefreshToken, strict.userPoolClientId),
    'RefreshTokenReuseException',
  );
});

test('without rotation: no new refresh token, and the same one keeps working', async () => {
  const { RefreshToken } = await signedIn(await still());
  const got = assertOk(await refreshWith(RefreshToken, await still()));
  assert.deepEqual(Object.keys(got).sort(), ['AccessToken', 'ExpiresIn', 'IdToken', 'TokenType']);
  await verify(String(got['AccessToken']), 'access', await still());
  assertOk(await refreshWith(RefreshToken, await still()));
});

test('the client keeps its rotation setting: described, validated, updated', async () => {
  const described = await cognitoCall<{ UserPoolClient: Record<string, unknown> }>(
    local.cognito.endpoint,
    'DescribeUserPoolClient',
    { UserPoolId: local.seeded.userPoolId, ClientId: local.seeded.userPoolClientId },
  );
  assert.deepEqual(described.UserPoolClient['RefreshTokenRotation'], {
    Feature: 'ENABLED',
    RetryGracePeriodSeconds: REFRESH_TOKEN_GRACE_SECONDS,
  });
  assert.equal(described.UserPoolClient['AuthSessionValidity'], 3);
  for (const RefreshTokenRotation of [
    { Feature: 'ENABLED', RetryGracePeriodSeconds: 61 },
    { Feature: 'ON' },
    { RetryGracePeriodSeconds: 5 },
  ]) {
    assertError(
      await call('CreateUserPoolClient', {
        UserPoolId: local.seeded.userPoolId,
        ClientName: 'bad',
        RefreshTokenRotation,
      }),
      'InvalidParameterException',
    );
  }
  assertError(
    await call('UpdateUserPoolClient', {
      UserPoolId: local.seeded.userPoolId,
      ClientId: await still(),
      AuthSessionValidity: 2,
    }),
    'InvalidParameterException',
  );
});

test('an unknown, revoked or expired refresh token is a 400 NotAuthorizedException', async () => {
  assertError(await refreshWith('not-a-refresh-token'), 'NotAuthorizedException');

  for (const clientId of [local.seeded.userPoolClientId, await still()]) {
    const revoked = await signedIn(clientId);
    await cognitoCall(local.cognito.endpoint, 'RevokeToken', {
      ClientId: clientId,
      Token: revoked.RefreshToken,
    });
    assertError(await refreshWith(revoked.RefreshToken, clientId), 'NotAuthorizedException');
  }

  const shortLived = await seedCognito(local.cognito.endpoint, {
    clientName: 'short-refresh',
    tokenLifetimes: { refreshSeconds: 60 },
  });
  const expiring = await signedIn(shortLived.userPoolClientId);
  setLocalClock(local.dataDir, 61);
  assertError(
    await refreshWith(expiring.RefreshToken, shortLived.userPoolClientId),
    'NotAuthorizedException',
    /expired/,
  );
});

test('an unknown client is a 400 ResourceNotFoundException; missing parameters are refused', async () => {
  const { RefreshToken } = await signedIn();
  assertError(await refreshWith(RefreshToken, 'no-such-client'), 'ResourceNotFoundException');
  assertError(await getTokens({ RefreshToken }), 'InvalidParameterException');
  assertError(
    await getTokens({ ClientId: local.seeded.userPoolClientId }),
    'InvalidParameterException',
  );
});

test('an app client with a secret needs its ClientSecret', async () => {
  const created = await cognitoCall<{ UserPoolClient: { ClientId: string; ClientSecret: string } }>(
    local.cognito.endpoint,
    'CreateUserPoolClient',
    {
      UserPoolId: local.seeded.userPoolId,
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
  assertOk(await getTokens({ ClientId, RefreshToken, ClientSecret }));
});

test('every refresh call is logged with its user and outcome, for tests to count', async () => {
  const since = new Date();
  const { RefreshToken } = await signedIn();
  const fresh = String(assertOk(await refreshWith(RefreshToken))['RefreshToken']);
  assertOk(await refreshWith(RefreshToken));
  setLocalClock(local.dataDir, REFRESH_TOKEN_GRACE_SECONDS + 1);
  assertError(await refreshWith(RefreshToken), 'RefreshTokenReuseException');
  assertError(await refreshWith('not-a-refresh-token'), 'NotAuthorizedException');
  assertOk(await refreshWith(fresh));

  const mine = await refreshCalls(local.dataDir, {
    user: local.seeded.credentials.username,
    since,
  });
  assert.deepEqual(
    mine.map((c) => [c.outcome, c.rotated, c.inGracePeriod]),
    [
      ['ok', true, false],
      ['ok', true, true],
      ['RefreshTokenReuseException', false, false],
      ['ok', true, false],
    ],
  );
  assert.ok(mine.every((c) => c.clientId === local.seeded.userPoolClientId && c.username));
  const all = await refreshCalls(local.dataDir, { since });
  assert.equal(all.length, 5);
  assert.deepEqual(all[3], { ...all[3], outcome: 'NotAuthorizedException', rotated: false });
  assert.equal(all[3]!.username, undefined);
});

test('everything else is still cognito-local: an unknown action is its 500 Unsupported', async () => {
  await assert.rejects(
    cognitoCall(local.cognito.endpoint, 'NoSuchAction', {}),
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
  "Amplify's refresher: one request, keeps the rotated refresh token, and a bad one is NotAuthorizedException without retries",
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
    const refresh = (refreshToken: string, userPoolClientId: string) =>
      amplify.refreshAuthTokensWithoutDedupe({
        tokens: { accessToken: { payload: {} }, refreshToken },
        authConfig: {
          Cognito: {
            userPoolId: local.seeded.userPoolId,
            userPoolClientId,
            userPoolEndpoint: local.cognito.endpoint,
          },
        },
        username: local.seeded.credentials.username,
      });
    const TARGET = 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken';

    const { RefreshToken } = await signedIn();
    const ok = await withFetchCount(() => refresh(RefreshToken, local.seeded.userPoolClientId));
    assert.deepEqual(ok.targets, [TARGET]);
    await verify(ok.result.accessToken.toString(), 'access');
    await verify(ok.result.idToken!.toString(), 'id');
    // What Amplify stores for the next refresh is the rotated token, and it works.
    assert.notEqual(ok.result.refreshToken, RefreshToken);
    const again = await refresh(ok.result.refreshToken, local.seeded.userPoolClientId);
    await verify(again.accessToken.toString(), 'access');

    // Without rotation Amplify keeps the refresh token it had.
    const plain = await signedIn(await still());
    const kept = await refresh(plain.RefreshToken, await still());
    assert.equal(kept.refreshToken, plain.RefreshToken);

    const bad = await withFetchCount(() =>
      refresh('not-a-refresh-token', local.seeded.userPoolClientId).then(
        () => assert.fail('refresh with a bad token succeeded'),
        (error: unknown) => error,
      ),
    );
    // One request: Amplify retries 5xx and network errors, never a 400.
    assert.deepEqual(bad.targets, [TARGET]);
    assert.equal((bad.result as Error).name, 'NotAuthorizedException');
  },
);
