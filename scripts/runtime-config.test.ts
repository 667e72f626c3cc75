import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuntimeConfigError, configFromEnvironment, configFromOutputs } from './runtime-config.ts';
import { OUTPUTS } from './fake-aws.ts';

const AMPLIFY_ENV = {
  API_URL: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/',
  COGNITO_REGION: 'eu-west-1',
  COGNITO_USER_POOL_ID: 'eu-west-1_AbC123',
  COGNITO_CLIENT_ID: 'client123',
};

test('outputs map to the runtime config the demo app reads (SRP on AWS, no endpoint)', () => {
  assert.deepEqual(configFromOutputs(OUTPUTS), {
    apiUrl: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_AbC123',
    userPoolClientId: 'client123',
    authFlow: 'USER_SRP_AUTH',
    choiceBasedSignIn: false,
  });
});

test('a stack that created its pool and client offers choice-based sign-in; an older one does not', () => {
  const created = OUTPUTS.map((o) =>
    o.OutputKey === 'ChoiceBasedSignIn' ? { ...o, OutputValue: 'true' } : o,
  );
  assert.equal(configFromOutputs(created).choiceBasedSignIn, true);
  const older = OUTPUTS.filter((o) => o.OutputKey !== 'ChoiceBasedSignIn');
  assert.equal(configFromOutputs(older).choiceBasedSignIn, false);
});

test('Amplify environment variables map to the same config; the trailing slash is dropped', () => {
  assert.deepEqual(configFromEnvironment(AMPLIFY_ENV), configFromOutputs(OUTPUTS));
  assert.deepEqual(
    configFromEnvironment({
      ...AMPLIFY_ENV,
      COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
      COGNITO_AUTH_FLOW: 'USER_PASSWORD_AUTH',
      COGNITO_CHOICE_BASED_SIGN_IN: 'true',
    }),
    {
      ...configFromOutputs(OUTPUTS),
      cognitoEndpoint: 'http://127.0.0.1:9229',
      authFlow: 'USER_PASSWORD_AUTH',
      choiceBasedSignIn: true,
    },
  );
});

test('missing or malformed values are refused with the name of what is wrong', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ ...AMPLIFY_ENV, API_URL: '' }, /API_URL is required/],
    [{ ...AMPLIFY_ENV, API_URL: 'http://api.example.com' }, /https/],
    [{ ...AMPLIFY_ENV, API_URL: 'not a url' }, /must be a URL/],
    [{ ...AMPLIFY_ENV, COGNITO_REGION: 'europe' }, /bad region/],
    [{ ...AMPLIFY_ENV, COGNITO_USER_POOL_ID: 'pool' }, /bad user pool id/],
    [{ ...AMPLIFY_ENV, COGNITO_CLIENT_ID: 'a b' }, /bad app client id/],
    [{ ...AMPLIFY_ENV, COGNITO_AUTH_FLOW: 'CUSTOM_AUTH' }, /COGNITO_AUTH_FLOW/],
    [{ ...AMPLIFY_ENV, COGNITO_CHOICE_BASED_SIGN_IN: 'yes' }, /COGNITO_CHOICE_BASED_SIGN_IN/],
  ];
  for (const [env, message] of cases) {
    assert.throws(() => configFromEnvironment(env), RuntimeConfigError, JSON.stringify(env));
    assert.throws(() => configFromEnvironment(env), message);
  }
  assert.throws(
    () => configFromOutputs(OUTPUTS.filter((o) => o.OutputKey !== 'Region')),
    /no Region output/,
  );
});
