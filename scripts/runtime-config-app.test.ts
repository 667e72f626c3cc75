// The Node side writes the demo app's runtime config; the app reads it with its own parser
// (src/app/config/runtime-config.ts), because the app may not import Node-side code. Every config
// the Node side can write must pass that parser unchanged, so a field renamed on one side only
// fails here instead of on the app's error screen.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../tools/paths.ts';
import { OUTPUTS } from './fake-aws.ts';
import {
  configFromEnvironment,
  configFromOutputs,
  offlineConfig,
  serializeConfig,
  type RuntimeConfig,
} from './runtime-config.ts';

const APP_PARSER = join(ROOT, 'src', 'app', 'config', 'runtime-config.ts');

/**
 * The app's own parser. The file is Angular-free but uses a constructor parameter property, which
 * Node's type stripping cannot run, so TypeScript transpiles it; it imports nothing, so it runs
 * from a data: URL.
 */
async function appParser(): Promise<(json: unknown) => RuntimeConfig> {
  const { outputText } = ts.transpileModule(readFileSync(APP_PARSER, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const module = (await import(
    `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`
  )) as { parseRuntimeConfig?: (json: unknown) => RuntimeConfig };
  assert.equal(
    typeof module.parseRuntimeConfig,
    'function',
    `${APP_PARSER} exports parseRuntimeConfig`,
  );
  return module.parseRuntimeConfig!;
}

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
    }),
  'for the local stack': offlineConfig({
    apiUrl: 'http://127.0.0.1:3000',
    userPoolId: 'local_2jwl1jK5',
    userPoolClientId: '4hzbwq1ssxlyvzvx7dnuktfd8',
    cognitoEndpoint: 'http://127.0.0.1:9229',
  }),
};

for (const [name, config] of Object.entries(WRITTEN)) {
  test(`the config written ${name} is read back unchanged by the app's parser`, async () => {
    const parse = await appParser();
    assert.deepEqual(parse(JSON.parse(serializeConfig(config))), config);
  });
}

test("a field the app's parser requires, renamed on the Node side, fails the app's parser", async () => {
  const parse = await appParser();
  const { userPoolClientId, ...rest } = WRITTEN['for the local stack']!;
  assert.throws(
    () => parse(JSON.parse(serializeConfig({ ...rest, clientId: userPoolClientId } as never))),
    (e: unknown) =>
      e instanceof Error &&
      e.name === 'RuntimeConfigError' &&
      (e as Error & { problems: string[] }).problems.includes('userPoolClientId is required'),
  );
});
