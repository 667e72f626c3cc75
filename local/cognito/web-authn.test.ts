// Passkeys on a real cognito-local process, driven by a software authenticator: registration
// (StartWebAuthnRegistration, CompleteWebAuthnRegistration), listing and removal, and sign-in with
// USER_AUTH's WEB_AUTHN challenge; every wrong origin, relying party, challenge, counter, client or
// token refused with AWS's error; passkeys kept across a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cognitoCall } from './api.ts';
import { resetLocalClock, setLocalClock } from './local-clock.ts';
import { LOCAL_RELYING_PARTY, seedCognito, signIn } from './seed.ts';
import {
  SoftAuthenticator,
  type CreationOptions,
  type RequestOptions,
} from './soft-authenticator.ts';
import { ok, refused, seedPasswordOnlyPool, useSeededCognito } from './testing.ts';

const ORIGIN = 'http://localhost:4200';
const ORIGINS = [ORIGIN, 'http://127.0.0.1:4200'];

const local = useSeededCognito({ webAuthnOrigins: ORIGINS });
const call = local.call;

/** A user of the test's own, signed in with a password: its access token. */
async function newUser(name: string): Promise<{ username: string; accessToken: string }> {
  const username = `${name}@example.com`;
  const password = 'Passkey-Passw0rd!';
  await cognitoCall(local.cognito.endpoint, 'AdminCreateUser', {
    UserPoolId: local.seeded.userPoolId,
    Username: username,
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: username },
      { Name: 'email_verified', Value: 'true' },
    ],
  });
  await cognitoCall(local.cognito.endpoint, 'AdminSetUserPassword', {
    UserPoolId: local.seeded.userPoolId,
    Username: username,
    Password: password,
    Permanent: true,
  });
  const tokens = await signIn(
    local.cognito.endpoint,
    local.seeded.userPoolClientId,
    username,
    password,
  );
  return { username, accessToken: tokens.AccessToken };
}

async function start(accessToken: string): Promise<CreationOptions & Record<string, unknown>> {
  const body = ok(await call('StartWebAuthnRegistration', { AccessToken: accessToken }));
  return body['CredentialCreationOptions'] as CreationOptions & Record<string, unknown>;
}

const complete = (accessToken: string, credential: unknown) =>
  call('CompleteWebAuthnRegistration', { AccessToken: accessToken, Credential: credential });

async function registered(authenticator: SoftAuthenticator, accessToken: string): Promise<void> {
  const options = await start(accessToken);
  assert.deepEqual(ok(await complete(accessToken, authenticator.register(options, ORIGIN))), {});
}

async function passkeys(accessToken: string, extra: Record<string, unknown> = {}) {
  return ok(await call('ListWebAuthnCredentials', { AccessToken: accessToken, ...extra }));
}

/** USER_AUTH with PREFERRED_CHALLENGE WEB_AUTHN: the session and the request options. */
async function passkeyChallenge(
  username: string,
): Promise<{ session: string; options: RequestOptions }> {
  const body = ok(
    await call('InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: local.seeded.userPoolClientId,
      AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'WEB_AUTHN' },
    }),
  );
  assert.equal(body['ChallengeName'], 'WEB_AUTHN');
  const parameters = body['ChallengeParameters'] as Record<string, string>;
  return {
    session: String(body['Session']),
    options: JSON.parse(parameters['CREDENTIAL_REQUEST_OPTIONS']!) as RequestOptions,
  };
}

const answer = (username: string, session: string, credential: unknown) =>
  call('RespondToAuthChallenge', {
    ClientId: local.seeded.userPoolClientId,
    ChallengeName: 'WEB_AUTHN',
    Session: session,
    ChallengeResponses: { USERNAME: username, CREDENTIAL: JSON.stringify(credential) },
  });

test('registration options are what navigator.credentials.create() takes', async () => {
  const { accessToken, username } = await newUser('options');
  const options = await start(accessToken);
  assert.deepEqual(options['rp'], { name: 'ngx-cognito-gateway-local', id: LOCAL_RELYING_PARTY });
  const user = options['user'] as Record<string, string>;
  assert.equal(user['name'], username);
  assert.match(user['id']!, /^[\w-]+$/);
  assert.match(options.challenge, /^[\w-]{32,}$/);
  assert.ok((options['pubKeyCredParams'] as { alg: number }[]).some((p) => p.alg === -7));
  assert.equal(options['attestation'], 'none');
  assert.deepEqual(options['excludeCredentials'], []);
  assert.equal(
    (options['authenticatorSelection'] as Record<string, string>)['residentKey'],
    'required',
  );
  assert.equal(options['timeout'], 180_000);
});

test('register a passkey, list it, sign in with it alone', async () => {
  const { accessToken, username } = await newUser('happy');
  const authenticator = new SoftAuthenticator();
  await registered(authenticator, accessToken);

  const listed = await passkeys(accessToken);
  const [only] = listed['Credentials'] as Record<string, unknown>[];
  assert.deepEqual(Object.keys(only!).sort(), [
    'AuthenticatorAttachment',
    'AuthenticatorTransports',
    'CreatedAt',
    'CredentialId',
    'FriendlyCredentialName',
    'RelyingPartyId',
  ]);
  assert.equal(only!['CredentialId'], [...authenticator.keys.keys()][0]);
  assert.equal(only!['RelyingPartyId'], LOCAL_RELYING_PARTY);
  assert.equal(only!['AuthenticatorAttachment'], 'platform');
  assert.deepEqual(only!['AuthenticatorTransports'], ['internal']);
  assert.equal(only!['FriendlyCredentialName'], 'Passkey on this device');
  assert.ok(Math.abs(Number(only!['CreatedAt']) - Date.now() / 1000) < 60);
  assert.equal(listed['NextToken'], undefined);

  // Now offered as a first factor, and the passkey alone signs in.
  const select = ok(
    await call('InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: local.seeded.userPoolClientId,
      AuthParameters: { USERNAME: username },
    }),
  );
  assert.deepEqual(select['AvailableChallenges'], ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']);
  const { session, options } = await passkeyChallenge(username);
  assert.equal(options.rpId, LOCAL_RELYING_PARTY);
  assert.deepEqual(
    options.allowCredentials?.map((c) => c.id),
    [only!['CredentialId']],
  );
  const body = ok(await answer(username, session, authenticator.assert(options, ORIGIN)));
  const result = body['AuthenticationResult'] as Record<string, unknown>;
  assert.equal(result['TokenType'], 'Bearer');
  assert.ok(result['AccessToken'] && result['RefreshToken']);
  // The session and its challenge work once.
  refused(
    await answer(username, session, authenticator.assert(options, ORIGIN)),
    'NotAuthorizedException',
  );
});

test('sign-in refuses a wrong origin, relying party, challenge, counter or unknown passkey', async () => {
  const { accessToken, username } = await newUser('assertions');
  const authenticator = new SoftAuthenticator();
  await registered(authenticator, accessToken);
  // Another user's passkey, real and registered, is not this user's.
  const stranger = new SoftAuthenticator();
  await registered(stranger, (await newUser('stranger')).accessToken);
  const strangerId = [...stranger.keys.keys()][0]!;
  const attempts: [string, (o: RequestOptions) => unknown][] = [
    ['origin on another port', (o) => authenticator.assert(o, 'http://localhost:9999')],
    ['an IP origin the app is served on', (o) => authenticator.assert(o, 'http://127.0.0.1:4200')],
    ['another relying party', (o) => authenticator.assert(o, ORIGIN, { rpId: 'example.com' })],
    [
      'another challenge',
      (o) => authenticator.assert(o, ORIGIN, { challenge: 'AAAAAAAAAAAAAAAAAAAAAA' }),
    ],
    ["another user's passkey", (o) => stranger.assert(o, ORIGIN, { credentialId: strangerId })],
  ];
  for (const [what, make] of attempts) {
    const { session, options } = await passkeyChallenge(username);
    const answered = await answer(username, session, make(options));
    assert.deepEqual(
      [answered.status, answered.body['__type']],
      [400, 'NotAuthorizedException'],
      what,
    );
  }
  // A counter that does not move forward (a cloned authenticator) is refused too.
  const key = [...authenticator.keys.values()][0]!;
  const { session, options } = await passkeyChallenge(username);
  ok(await answer(username, session, authenticator.assert(options, ORIGIN)));
  key.counter -= 1;
  const again = await passkeyChallenge(username);
  refused(
    await answer(username, again.session, authenticator.assert(again.options, ORIGIN)),
    'NotAuthorizedException',
  );
  // Malformed credentials are a clear 400.
  const last = await passkeyChallenge(username);
  refused(
    await call('RespondToAuthChallenge', {
      ClientId: local.seeded.userPoolClientId,
      ChallengeName: 'WEB_AUTHN',
      Session: last.session,
      ChallengeResponses: { USERNAME: username, CREDENTIAL: '{not json' },
    }),
    'InvalidParameterException',
  );
});

test('registration refuses a wrong origin, relying party, used or expired challenge, other client', async () => {
  const { accessToken } = await newUser('registrations');
  const authenticator = new SoftAuthenticator();
  const cases: [(o: CreationOptions) => unknown, string][] = [
    [
      (o) => authenticator.register(o, 'http://localhost:9999'),
      'WebAuthnOriginNotAllowedException',
    ],
    [
      (o) => authenticator.register(o, ORIGIN, 'example.com'),
      'WebAuthnRelyingPartyMismatchException',
    ],
    [
      (o) => authenticator.register({ ...o, challenge: 'AAAAAAAAAAAAAAAAAAAAAA' }, ORIGIN),
      'WebAuthnChallengeNotFoundException',
    ],
  ];
  for (const [make, type] of cases) {
    const options = await start(accessToken);
    refused(await complete(accessToken, make(options)), type);
  }
  // Used once, whatever the outcome: the right answer after a wrong one finds no challenge.
  const options = await start(accessToken);
  refused(
    await complete(accessToken, authenticator.register(options, 'http://localhost:9999')),
    'WebAuthnOriginNotAllowedException',
  );
  refused(
    await complete(accessToken, authenticator.register(options, ORIGIN)),
    'WebAuthnChallengeNotFoundException',
  );

  const late = await start(accessToken);
  setLocalClock(local.dataDir, 3 * 60 + 1);
  refused(
    await complete(accessToken, authenticator.register(late, ORIGIN)),
    'WebAuthnChallengeNotFoundException',
  );
  resetLocalClock(local.dataDir);

  // Started through one app client, completed through another.
  const other = await seedCognito(local.cognito.endpoint, { clientName: 'second-client' });
  const otherToken = (
    await signIn(
      local.cognito.endpoint,
      other.userPoolClientId,
      'registrations@example.com',
      'Passkey-Passw0rd!',
    )
  ).AccessToken;
  const started = await start(accessToken);
  refused(
    await complete(otherToken, authenticator.register(started, ORIGIN)),
    'WebAuthnClientMismatchException',
  );
  refused(await complete(accessToken, 'not an object'), 'InvalidParameterException');
  assert.deepEqual((await passkeys(accessToken))['Credentials'], []);
});

test('the passkey actions need a valid access token with the admin scope', async () => {
  const { accessToken } = await newUser('tokens');
  const tokens = await signIn(
    local.cognito.endpoint,
    local.seeded.userPoolClientId,
    'tokens@example.com',
    'Passkey-Passw0rd!',
  );
  refused(await call('StartWebAuthnRegistration', {}), 'InvalidParameterException');
  for (const AccessToken of ['garbage', tokens.IdToken, `${accessToken.slice(0, -4)}AAAA`]) {
    for (const action of ['StartWebAuthnRegistration', 'ListWebAuthnCredentials']) {
      refused(await call(action, { AccessToken }), 'NotAuthorizedException');
    }
  }
  setLocalClock(local.dataDir, 2 * 3600);
  refused(
    await call('ListWebAuthnCredentials', { AccessToken: accessToken }),
    'NotAuthorizedException',
    /expired/,
  );
});

test('remove a passkey: no longer listed, and it no longer signs in', async () => {
  const { accessToken, username } = await newUser('removal');
  const kept = new SoftAuthenticator();
  const removed = new SoftAuthenticator();
  await registered(kept, accessToken);
  await registered(removed, accessToken);
  const removedId = [...removed.keys.keys()][0]!;
  const before = (await passkeys(accessToken))['Credentials'] as { CredentialId: string }[];
  assert.equal(before.length, 2);
  // Excluded from a new registration: the authenticator would refuse to register them again.
  const options = (await start(accessToken)) as { excludeCredentials?: { id: string }[] };
  assert.deepEqual(
    options.excludeCredentials?.map((c) => c.id).sort(),
    before.map((c) => c.CredentialId).sort(),
  );

  assert.deepEqual(
    ok(
      await call('DeleteWebAuthnCredential', { AccessToken: accessToken, CredentialId: removedId }),
    ),
    {},
  );
  const after = (await passkeys(accessToken))['Credentials'] as { CredentialId: string }[];
  assert.deepEqual(
    after.map((c) => c.CredentialId),
    [[...kept.keys.keys()][0]],
  );
  refused(
    await call('DeleteWebAuthnCredential', { AccessToken: accessToken, CredentialId: removedId }),
    'ResourceNotFoundException',
  );
  refused(
    await call('DeleteWebAuthnCredential', { AccessToken: accessToken }),
    'InvalidParameterException',
  );

  const { session, options: request } = await passkeyChallenge(username);
  assert.equal(
    request.allowCredentials?.some((c) => c.id === removedId),
    false,
  );
  refused(
    await answer(username, session, removed.assert({ ...request, allowCredentials: [] }, ORIGIN)),
    'NotAuthorizedException',
  );
  const next = await passkeyChallenge(username);
  ok(await answer(username, next.session, kept.assert(next.options, ORIGIN)));
});

test('ListWebAuthnCredentials pages by MaxResults and NextToken', async () => {
  const { accessToken } = await newUser('paging');
  for (let i = 0; i < 3; i++) await registered(new SoftAuthenticator(), accessToken);
  const first = await passkeys(accessToken, { MaxResults: 2 });
  assert.equal((first['Credentials'] as unknown[]).length, 2);
  const second = await passkeys(accessToken, { MaxResults: 2, NextToken: first['NextToken'] });
  assert.equal((second['Credentials'] as unknown[]).length, 1);
  assert.equal(second['NextToken'], undefined);
  refused(
    await call('ListWebAuthnCredentials', { AccessToken: accessToken, MaxResults: 21 }),
    'InvalidParameterException',
  );
  refused(
    await call('ListWebAuthnCredentials', { AccessToken: accessToken, NextToken: 'made-up' }),
    'InvalidParameterException',
  );
});

test('a pool without passkeys says so: not enabled, or no relying party', async () => {
  const plain = await seedPasswordOnlyPool(local.cognito.endpoint, 'no-passkeys');
  const token = async () =>
    (
      await signIn(
        local.cognito.endpoint,
        plain.userPoolClientId,
        plain.credentials.username,
        plain.credentials.password,
      )
    ).AccessToken;
  refused(
    await call('StartWebAuthnRegistration', { AccessToken: await token() }),
    'WebAuthnNotEnabledException',
  );

  const described = await cognitoCall<{ WebAuthnConfiguration: Record<string, string> }>(
    local.cognito.endpoint,
    'GetUserPoolMfaConfig',
    { UserPoolId: local.seeded.userPoolId },
  );
  assert.deepEqual(described.WebAuthnConfiguration, {
    RelyingPartyId: LOCAL_RELYING_PARTY,
    UserVerification: 'preferred',
  });

  // A pool that allows passkeys but names no relying party.
  const { UserPool } = await cognitoCall<{ UserPool: { Id: string } }>(
    local.cognito.endpoint,
    'CreateUserPool',
    {
      PoolName: 'no-relying-party',
      UsernameAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
    },
  );
  const { UserPoolClient } = await cognitoCall<{ UserPoolClient: { ClientId: string } }>(
    local.cognito.endpoint,
    'CreateUserPoolClient',
    { UserPoolId: UserPool.Id, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] },
  );
  await cognitoCall(local.cognito.endpoint, 'AdminCreateUser', {
    UserPoolId: UserPool.Id,
    Username: 'rp@example.com',
    MessageAction: 'SUPPRESS',
    TemporaryPassword: 'Temp-Passw0rd!',
  });
  await cognitoCall(local.cognito.endpoint, 'AdminSetUserPassword', {
    UserPoolId: UserPool.Id,
    Username: 'rp@example.com',
    Password: 'Rp-Passw0rd!',
    Permanent: true,
  });
  const noRp = await signIn(
    local.cognito.endpoint,
    UserPoolClient.ClientId,
    'rp@example.com',
    'Rp-Passw0rd!',
  );
  refused(
    await call('StartWebAuthnRegistration', { AccessToken: noRp.AccessToken }),
    'WebAuthnConfigurationMissingException',
  );
});

test('passkeys survive a restart of the local Cognito', { timeout: 60_000 }, async () => {
  const { accessToken, username } = await newUser('restart');
  const authenticator = new SoftAuthenticator();
  await registered(authenticator, accessToken);
  await local.restart();
  const { session, options } = await passkeyChallenge(username);
  ok(await answer(username, session, authenticator.assert(options, ORIGIN)));
});
