// The Node side writes the demo app's runtime config; the app reads it with its own parser
// (src/app/config/runtime-config.ts), because the app may not import Node-side code. The writer
// takes its type from the app's file, and every config it can write must pass that parser
// unchanged, so a value the type allows but the app rejects fails here, not on the error screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRuntimeConfig, RuntimeConfigError } from '../src/app/config/runtime-config.ts';
import { OUTPUTS } from './fake-aws.ts';
import {
  configFromEnvironment,
  configFromOutputs,
  offlineConfig,
  serializeConfig,
  type RuntimeConfig,
} from './runtime-config.ts';

const WRITTEN: Record<string, RuntimeConfig> = {
  'from the stack outputs (SRP on AWS)': configFromOutputs(OUTPUTS),
  'from Amplify environment variables, with an endpoint and USER_PASSWORD_AUTH':
    configFromEnvironment({
      API_URL: 'https://api.example.com/',
      COGNITO_REGION: 'eu-west-1',
      COGNITO_USER_POOL_ID: 'eu-west-1_AbC123',
      COGNITO_CLIENT_ID: 'client123',
      COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
      COGNITO_AUTH_FLOW: 'USER_PASSWORD_AUTH',
      COGNITO_CHOICE_BASED_SIGN_IN: 'true',
    }),
  'for the local stack': offlineConfig({
    apiUrl: 'http://127.0.0.1:3000',
    userPoolId: 'local_2jwl1jK5',
    userPoolClientId: '4hzbwq1ssxlyvzvx7dnuktfd8',
    cognitoEndpoint: 'http://127.0.0.1:9229',
  }),
};

for (const [name, config] of Object.entries(WRITTEN)) {
  test(`the config written ${name} is read back unchanged by the app's parser`, () => {
    assert.deepEqual(parseRuntimeConfig(JSON.parse(serializeConfig(config))), config);
  });
}

test("a field the app's parser requires, renamed on the Node side, fails the app's parser", () => {
  const { userPoolClientId, ...rest } = WRITTEN['for the local stack']!;
  assert.throws(
    () =>
      parseRuntimeConfig(
        JSON.parse(serializeConfig({ ...rest, clientId: userPoolClientId } as never)),
      ),
    (e: unknown) =>
      e instanceof RuntimeConfigError && e.problems.includes('userPoolClientId is required'),
  );
});
