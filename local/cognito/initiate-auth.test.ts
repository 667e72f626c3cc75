// InitiateAuth and RespondToAuthChallenge on a real cognito-local process: choice-based sign-in
// (USER_AUTH) with a password, the first-factor choice, hidden unknown users, sessions that expire
// and work once, and REFRESH_TOKEN_AUTH refused for a client that rotates refresh tokens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { cognitoCall } from './api.ts';
import { setLocalClock } from './local-clock.ts';
import { seedCognito, signIn } from './seed.ts';
import { ok, refused, seedPasswordOnlyPool, useSeededCognito } from './testing.ts';

const local = useSeededCognito();
const call = local.call;
const demo = () => local.seeded.credentials;

function userAuth(parameters: Record<string, string>, clientId = local.seeded.userPoolClientId) {
  return call('InitiateAuth', {
    AuthFlow: 'USER_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: demo().username, ...parameters },
  });
}

function respond(
  ChallengeName: string,
  Session: unknown,
  responses: Record<string, string>,
  clientId = local.seeded.userPoolClientId,
) {
  return call('RespondToAuthChallenge', {
    ClientId: clientId,
    ChallengeName,
    Session,
    ChallengeResponses: { USERNAME: demo().username, ...responses },
  });
}

/** Asserts AWS's AuthenticationResult with a verifiable access token for the demo user. */
async function assertSignedIn(body: Record<string, unknown>): Promise<void> {
  const result = body['AuthenticationResult'] as Record<string, unknown>;
  assert.deepEqual(Object.keys(result).sort(), [
    'AccessToken',
    'ExpiresIn',
    'IdToken',
    'RefreshToken',
    'TokenType',
  ]);
  assert.equal(result['TokenType'], 'Bearer');
  assert.equal(result['ExpiresIn'], 3600);
  const issuer = `${local.cognito.endpoint}/${local.seeded.userPoolId}`;
  const { payload } = await jwtVerify(
    String(result['AccessToken']),
    createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)),
    { issuer, algorithms: ['RS256'] },
  );
  assert.equal(payload['client_id'], local.seeded.userPoolClientId);
  assert.equal(payload['token_use'], 'access');
}

test('USER_AUTH without a preference: SELECT_CHALLENGE with what the user can use', async () => {
  const body = ok(await userAuth({}));
  assert.equal(body['ChallengeName'], 'SELECT_CHALLENGE');
  // No passkey yet, so no WEB_AUTHN; no PASSWORD_SRP offline (no SRP).
  assert.deepEqual(body['AvailableChallenges'], ['PASSWORD', 'EMAIL_OTP']);
  assert.deepEqual(body['ChallengeParameters'], {});
  assert.match(String(body['Session']), /^[\w-]{20,2048}$/);
  assert.equal(body['AuthenticationResult'], undefined);
});

test('PREFERRED_CHALLENGE PASSWORD with the password signs in at once; a wrong one is refused', async () => {
  await assertSignedIn(
    ok(await userAuth({ PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: demo().password })),
  );
  refused(
    await userAuth({ PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Wrong-Passw0rd!' }),
    'NotAuthorizedException',
    /^Incorrect username or password\.$/,
  );
});

test('PREFERRED_CHALLENGE PASSWORD alone asks for it; the session works once', async () => {
  const asked = ok(await userAuth({ PREFERRED_CHALLENGE: 'PASSWORD' }));
  assert.equal(asked['ChallengeName'], 'PASSWORD');
  await assertSignedIn(
    ok(await respond('PASSWORD', asked['Session'], { PASSWORD: demo().password })),
  );
  refused(
    await respond('PASSWORD', asked['Session'], { PASSWORD: demo().password }),
    'NotAuthorizedException',
    /Invalid session/,
  );
});

test('SELECT_CHALLENGE: an offered answer goes on, anything else is refused', async () => {
  const select = async () => ok(await userAuth({}))['Session'];
  await assertSignedIn(
    ok(
      await respond('SELECT_CHALLENGE', await select(), {
        ANSWER: 'PASSWORD',
        PASSWORD: demo().password,
      }),
    ),
  );
  const toPassword = ok(await respond('SELECT_CHALLENGE', await select(), { ANSWER: 'PASSWORD' }));
  assert.equal(toPassword['ChallengeName'], 'PASSWORD');
  refused(
    await respond('SELECT_CHALLENGE', await select(), { ANSWER: 'WEB_AUTHN' }),
    'InvalidParameterException',
  );
  refused(
    await respond('SELECT_CHALLENGE', 'no-such-session-0123456789', { ANSWER: 'PASSWORD' }),
    'NotAuthorizedException',
  );
  // A session of one challenge does not answer another.
  refused(
    await respond('PASSWORD', await select(), { PASSWORD: demo().password }),
    'NotAuthorizedException',
  );
  refused(
    await respond('PASSWORD_SRP', await select(), { SRP_A: 'abc' }),
    'InvalidParameterException',
  );
});

test('a preference the user cannot use, or PASSWORD_SRP, gets the choice instead; nonsense is refused', async () => {
  for (const PREFERRED_CHALLENGE of ['WEB_AUTHN', 'PASSWORD_SRP', 'SMS_OTP']) {
    const body = ok(await userAuth({ PREFERRED_CHALLENGE }));
    assert.equal(body['ChallengeName'], 'SELECT_CHALLENGE', PREFERRED_CHALLENGE);
  }
  refused(await userAuth({ PREFERRED_CHALLENGE: 'MAGIC' }), 'InvalidParameterException');
});

test('sessions expire with the client AuthSessionValidity (3 minutes)', async () => {
  const asked = ok(await userAuth({ PREFERRED_CHALLENGE: 'PASSWORD' }));
  setLocalClock(local.dataDir, 3 * 60 + 1);
  refused(
    await respond('PASSWORD', asked['Session'], { PASSWORD: demo().password }),
    'NotAuthorizedException',
    /session is expired/,
  );
});

test('an unknown user gets the same choice, and every answer fails as a wrong one', async () => {
  const username = 'nobody@example.com';
  const unknown = (parameters: Record<string, string>) =>
    call('InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: local.seeded.userPoolClientId,
      AuthParameters: { USERNAME: username, ...parameters },
    });
  const answer = (ChallengeName: string, Session: unknown, responses: Record<string, string>) =>
    call('RespondToAuthChallenge', {
      ClientId: local.seeded.userPoolClientId,
      ChallengeName,
      Session,
      ChallengeResponses: { USERNAME: username, ...responses },
    });
  const select = ok(await unknown({}));
  assert.equal(select['ChallengeName'], 'SELECT_CHALLENGE');
  assert.deepEqual(select['AvailableChallenges'], ['PASSWORD', 'EMAIL_OTP']);
  refused(
    await answer('SELECT_CHALLENGE', select['Session'], { ANSWER: 'PASSWORD', PASSWORD: 'x' }),
    'NotAuthorizedException',
    /^Incorrect username or password\.$/,
  );
  const email = ok(await answer('SELECT_CHALLENGE', select['Session'], { ANSWER: 'EMAIL_OTP' }));
  assert.equal(email['ChallengeName'], 'EMAIL_OTP');
  assert.deepEqual(email['ChallengeParameters'], {
    CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
    CODE_DELIVERY_DESTINATION: 'n***@e***',
  });
  refused(
    await answer('EMAIL_OTP', email['Session'], { EMAIL_OTP_CODE: '12345678' }),
    'CodeMismatchException',
  );
});

test('the first factors follow the pool SignInPolicy; USER_AUTH needs ALLOW_USER_AUTH', async () => {
  const other = await seedPasswordOnlyPool(local.cognito.endpoint, 'password-only');
  assert.deepEqual(ok(await userAuth({}, other.userPoolClientId))['AvailableChallenges'], [
    'PASSWORD',
  ]);

  const created = await cognitoCall<{ UserPoolClient: { ClientId: string } }>(
    local.cognito.endpoint,
    'CreateUserPoolClient',
    {
      UserPoolId: local.seeded.userPoolId,
      ClientName: 'password-flow-only',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    },
  );
  refused(
    await userAuth({}, created.UserPoolClient.ClientId),
    'InvalidParameterException',
    /USER_AUTH flow not enabled/,
  );
  refused(
    await call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: local.seeded.userPoolClientId }),
    'InvalidParameterException',
  );
  refused(await userAuth({}, 'no-such-client'), 'ResourceNotFoundException');
});

test('a password that is only temporary still leads to NEW_PASSWORD_REQUIRED', async () => {
  const body = ok(
    await call('InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: local.seeded.userPoolClientId,
      AuthParameters: {
        USERNAME: local.seeded.newPasswordCredentials.username,
        PREFERRED_CHALLENGE: 'PASSWORD',
        PASSWORD: local.seeded.newPasswordCredentials.temporaryPassword,
      },
    }),
  );
  assert.equal(body['ChallengeName'], 'NEW_PASSWORD_REQUIRED');
});

test('InitiateAuth and AdminInitiateAuth refuse REFRESH_TOKEN_AUTH when the client rotates', async () => {
  const still = (
    await seedCognito(local.cognito.endpoint, {
      clientName: 'no-rotation',
      refreshTokenRotation: false,
    })
  ).userPoolClientId;
  const rotating = await signIn(
    local.cognito.endpoint,
    local.seeded.userPoolClientId,
    demo().username,
    demo().password,
  );
  for (const [action, extra] of [
    ['InitiateAuth', {}],
    ['AdminInitiateAuth', { UserPoolId: local.seeded.userPoolId }],
  ] as const) {
    for (const AuthFlow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']) {
      refused(
        await call(action, {
          ...extra,
          AuthFlow,
          ClientId: local.seeded.userPoolClientId,
          AuthParameters: { REFRESH_TOKEN: rotating.RefreshToken },
        }),
        'InvalidParameterException',
        /GetTokensFromRefreshToken/,
      );
    }
  }
  // Still allowed where the client does not rotate.
  const plain = await signIn(local.cognito.endpoint, still, demo().username, demo().password);
  ok(
    await call('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: still,
      AuthParameters: { REFRESH_TOKEN: plain.RefreshToken },
    }),
  );
});
