// ResendConfirmationCode on a real cognito-local process (local/cognito/launch-cognito-local.ts),
// checked against AWS's documented behaviour and through Amplify 6.22's own resendSignUpCode, the
// call behind the demo's "Send a new code".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { Amplify } from 'aws-amplify';
import { resendSignUpCode } from 'aws-amplify/auth';
import { cognitoCall } from './api.ts';
import { sentCode } from './codes.ts';
import { masked } from './internals.ts';
import { useSeededCognito, type RawAnswer } from './testing.ts';

const cognito = useSeededCognito();
const data = () => cognito.data;

/** The action over plain HTTP, as Amplify sends it, so status codes are visible. */
const resend = (body: Record<string, unknown>) => cognito.call('ResendConfirmationCode', body);

/** The delivery details of a code "emailed" to this masked address. */
const emailedTo = (Destination: string) => ({
  CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination },
});

function assertError(raw: RawAnswer, type: string) {
  assert.equal(raw.status, 400, JSON.stringify(raw.body));
  assert.equal(raw.body['__type'], type);
}

let signUps = 0;
async function signedUp(clientId = cognito.seeded.userPoolClientId): Promise<string> {
  const email = `resend-${++signUps}@example.com`;
  await cognitoCall(cognito.endpoint, 'SignUp', {
    ClientId: clientId,
    Username: email,
    Password: 'Resend-Passw0rd!',
  });
  return email;
}

test('a new code goes where the sign-up code went, masked in the answer; it confirms the account', async () => {
  const email = await signedUp();
  const first = await sentCode(data(), email);
  const raw = await resend({ ClientId: cognito.seeded.userPoolClientId, Username: email });
  assert.equal(raw.status, 200, JSON.stringify(raw.body));
  assert.deepEqual(raw.body, emailedTo('r***@e***'));
  // cognito-local's codes are random: a new one may equal the old one by chance (1 in 10⁶).
  const code = await sentCode(data(), email, first).catch(() => first);
  await cognitoCall(cognito.endpoint, 'ConfirmSignUp', {
    ClientId: cognito.seeded.userPoolClientId,
    Username: email,
    ConfirmationCode: code,
  });
  // Confirmed now: nothing more to send.
  assertError(
    await resend({ ClientId: cognito.seeded.userPoolClientId, Username: email }),
    'InvalidParameterException',
  );
});

test('an unknown user gets the same kind of answer with PreventUserExistenceErrors, else UserNotFound', async () => {
  const unknown = await resend({
    ClientId: cognito.seeded.userPoolClientId,
    Username: 'nobody@example.com',
  });
  assert.equal(unknown.status, 200, JSON.stringify(unknown.body));
  assert.deepEqual(unknown.body, emailedTo('n***@e***'));
  const legacy = await cognitoCall<{ UserPoolClient: { ClientId: string } }>(
    cognito.endpoint,
    'CreateUserPoolClient',
    {
      UserPoolId: cognito.seeded.userPoolId,
      ClientName: 'legacy',
      PreventUserExistenceErrors: 'LEGACY',
    },
  );
  assertError(
    await resend({ ClientId: legacy.UserPoolClient.ClientId, Username: 'nobody@example.com' }),
    'UserNotFoundException',
  );
});

test('a client with a secret needs the SecretHash; missing parameters and unknown clients are refused', async () => {
  const { UserPoolClient } = await cognitoCall<{
    UserPoolClient: { ClientId: string; ClientSecret: string };
  }>(cognito.endpoint, 'CreateUserPoolClient', {
    UserPoolId: cognito.seeded.userPoolId,
    ClientName: 'with-secret',
    GenerateSecret: true,
  });
  const { ClientId, ClientSecret } = UserPoolClient;
  const email = await signedUp(ClientId);
  assertError(await resend({ ClientId, Username: email }), 'NotAuthorizedException');
  assertError(
    await resend({ ClientId, Username: email, SecretHash: 'AAAA' }),
    'NotAuthorizedException',
  );
  const SecretHash = createHmac('sha256', ClientSecret)
    .update(email + ClientId)
    .digest('base64');
  assert.equal((await resend({ ClientId, Username: email, SecretHash })).status, 200);

  assertError(await resend({ Username: email }), 'InvalidParameterException');
  assertError(
    await resend({ ClientId: cognito.seeded.userPoolClientId }),
    'InvalidParameterException',
  );
  assertError(
    await resend({ ClientId: 'no-such-client', Username: email }),
    'ResourceNotFoundException',
  );
});

test("Amplify's resendSignUpCode gets the new code's delivery details", async () => {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: cognito.seeded.userPoolId,
        userPoolClientId: cognito.seeded.userPoolClientId,
        userPoolEndpoint: cognito.endpoint,
      },
    },
  });
  const email = await signedUp();
  const first = await sentCode(data(), email);
  const out = await resendSignUpCode({ username: email });
  assert.deepEqual(out, {
    destination: 'r***@e***',
    deliveryMedium: 'EMAIL',
    attributeName: 'email',
  });
  assert.match(await sentCode(data(), email, first).catch(() => first), /^\d{6}$/);
});

test('masked() shows the first letters of an email and the last digits of a phone number', () => {
  const email = { AttributeName: 'email', DeliveryMedium: 'EMAIL' } as const;
  assert.equal(masked({ ...email, Destination: 'demo@example.com' }), 'd***@e***');
  assert.equal(
    masked({ AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: '+15551234567' }),
    '+*******4567',
  );
});
