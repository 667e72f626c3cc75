// The seed on a real cognito-local process: the new-password user asks for a new password on every
// start, even after someone completed the step, and the pool "sends" sign-up codes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cognitoCall } from './api.ts';
import type { CognitoLocal } from './cognito-local.ts';
import { seedCognito, signIn, type Seeded } from './seed.ts';
import { startSeededCognito } from './testing.ts';

let cognito: CognitoLocal;
let seeded: Seeded;
let stop: (() => Promise<void>) | undefined;

before(
  async () => {
    ({ cognito, seeded, stop } = await startSeededCognito());
  },
  { timeout: 60_000 },
);
after(() => stop?.());

interface Challenge {
  ChallengeName?: string;
  Session?: string;
  AuthenticationResult?: { AccessToken: string };
}

const initiate = (password: string) =>
  cognitoCall<Challenge>(cognito.endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: seeded.userPoolClientId,
    AuthParameters: { USERNAME: seeded.newPasswordCredentials.username, PASSWORD: password },
  });

const status = async () =>
  (
    await cognitoCall<{ UserStatus: string }>(cognito.endpoint, 'AdminGetUser', {
      UserPoolId: seeded.userPoolId,
      Username: seeded.newPasswordCredentials.username,
    })
  ).UserStatus;

test(
  'the new-password user is back in FORCE_CHANGE_PASSWORD after each seed',
  { timeout: 60_000 },
  async () => {
    assert.equal(await status(), 'FORCE_CHANGE_PASSWORD');
    const first = await initiate(seeded.newPasswordCredentials.temporaryPassword);
    assert.equal(first.ChallengeName, 'NEW_PASSWORD_REQUIRED');

    const done = await cognitoCall<Challenge>(cognito.endpoint, 'RespondToAuthChallenge', {
      ClientId: seeded.userPoolClientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.Session,
      ChallengeResponses: {
        USERNAME: seeded.newPasswordCredentials.username,
        NEW_PASSWORD: 'Chosen-Passw0rd!',
      },
    });
    assert.ok(done.AuthenticationResult?.AccessToken);
    assert.equal(await status(), 'CONFIRMED');
    assert.ok(
      (
        await signIn(
          cognito.endpoint,
          seeded.userPoolClientId,
          seeded.newPasswordCredentials.username,
          'Chosen-Passw0rd!',
        )
      ).AccessToken,
    );

    const again = await seedCognito(cognito.endpoint);
    assert.deepEqual(again.newPasswordCredentials, seeded.newPasswordCredentials);
    assert.equal(await status(), 'FORCE_CHANGE_PASSWORD');
    assert.equal(
      (await initiate(seeded.newPasswordCredentials.temporaryPassword)).ChallengeName,
      'NEW_PASSWORD_REQUIRED',
    );
    // The demo users keep their permanent passwords.
    assert.ok(
      (
        await signIn(
          cognito.endpoint,
          again.userPoolClientId,
          again.credentials.username,
          again.credentials.password,
        )
      ).AccessToken,
    );
  },
);

test(
  'the pool verifies email, so SignUp delivers a code by email',
  { timeout: 30_000 },
  async () => {
    const out = await cognitoCall<{ CodeDeliveryDetails?: { DeliveryMedium: string } }>(
      cognito.endpoint,
      'SignUp',
      {
        ClientId: seeded.userPoolClientId,
        Username: 'seed-sign-up@example.com',
        Password: 'Sign-Up-Passw0rd!',
      },
    );
    assert.equal(out.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
  },
);
