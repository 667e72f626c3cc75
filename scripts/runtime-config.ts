// The demo app's runtime config (`public/config.json`, format in docs/architecture.md),
// built from the API stack's outputs, on Amplify Hosting from environment variables, or offline
// from the local stack. The type is the app's own (src/app/config/runtime-config.ts): the app
// reads the file and cannot import Node-side code, so its definition is the one the writer meets;
// runtime-config-app.test.ts runs every config written here through the app's parser.
import type { RuntimeConfig } from '../src/app/config/runtime-config.ts';

export type { RuntimeConfig };

export class RuntimeConfigError extends Error {
  override readonly name = 'RuntimeConfigError';
}

export interface StackOutput {
  OutputKey: string;
  OutputValue: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]+$/;

function httpUrl(value: string, label: string): string {
  const url = URL.parse(value);
  if (!url) throw new RuntimeConfigError(`${label} must be a URL, got "${value}"`);
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new RuntimeConfigError(`${label} must be https (or http on localhost), got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

function checked(config: RuntimeConfig): RuntimeConfig {
  if (!REGION.test(config.region)) throw new RuntimeConfigError(`bad region "${config.region}"`);
  if (!USER_POOL_ID.test(config.userPoolId)) {
    throw new RuntimeConfigError(`bad user pool id "${config.userPoolId}"`);
  }
  if (!CLIENT_ID.test(config.userPoolClientId)) {
    throw new RuntimeConfigError(`bad app client id "${config.userPoolClientId}"`);
  }
  return { ...config, apiUrl: httpUrl(config.apiUrl, 'apiUrl') };
}

/**
 * The config of a deployed stack. `ChoiceBasedSignIn` is "true" when the stack created the pool and
 * its client, which allow USER_AUTH; a stack deployed before that output existed reads as false.
 */
export function configFromOutputs(outputs: readonly StackOutput[]): RuntimeConfig {
  const optional = (key: string) => outputs.find((output) => output.OutputKey === key)?.OutputValue;
  const value = (key: string) => {
    const found = optional(key);
    if (!found) throw new RuntimeConfigError(`the stack has no ${key} output`);
    return found;
  };
  return checked({
    apiUrl: value('ApiEndpoint'),
    region: value('Region'),
    userPoolId: value('UserPoolID'),
    userPoolClientId: value('AppClientID'),
    authFlow: 'USER_SRP_AUTH',
    choiceBasedSignIn: optional('ChoiceBasedSignIn') === 'true',
  });
}

/**
 * Amplify Hosting passes configuration as environment variables of the branch. Names avoid the
 * `AWS_` prefix, which Amplify reserves.
 */
export function configFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): RuntimeConfig {
  const value = (key: string) => {
    const found = env[key]?.trim();
    if (!found) throw new RuntimeConfigError(`environment variable ${key} is required`);
    return found;
  };
  const endpoint = env['COGNITO_ENDPOINT']?.trim();
  const flow = env['COGNITO_AUTH_FLOW']?.trim() || 'USER_SRP_AUTH';
  if (flow !== 'USER_SRP_AUTH' && flow !== 'USER_PASSWORD_AUTH') {
    throw new RuntimeConfigError(`COGNITO_AUTH_FLOW must be USER_SRP_AUTH or USER_PASSWORD_AUTH`);
  }
  const choices = env['COGNITO_CHOICE_BASED_SIGN_IN']?.trim() || 'false';
  if (choices !== 'true' && choices !== 'false') {
    throw new RuntimeConfigError('COGNITO_CHOICE_BASED_SIGN_IN must be true or false');
  }
  return checked({
    apiUrl: value('API_URL'),
    region: value('COGNITO_REGION'),
    userPoolId: value('COGNITO_USER_POOL_ID'),
    userPoolClientId: value('COGNITO_CLIENT_ID'),
    ...(endpoint ? { cognitoEndpoint: httpUrl(endpoint, 'COGNITO_ENDPOINT') } : {}),
    authFlow: flow,
    choiceBasedSignIn: choices === 'true',
  });
}

/**
 * The local stack's config: the local gateway, cognito-local's pool and client, and
 * cognito-local's endpoint, which speaks USER_PASSWORD_AUTH but not SRP. The seeded client allows
 * USER_AUTH (local/cognito/seed.ts), so choice-based sign-in is on. Amplify needs a region;
 * cognito-local's pools (ids `local_…`) belong to none, so any valid one does.
 */
export function offlineConfig(local: {
  apiUrl: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoEndpoint: string;
}): RuntimeConfig {
  return checked({
    apiUrl: local.apiUrl,
    region: 'us-east-1',
    userPoolId: local.userPoolId,
    userPoolClientId: local.userPoolClientId,
    cognitoEndpoint: httpUrl(local.cognitoEndpoint, 'cognitoEndpoint'),
    authFlow: 'USER_PASSWORD_AUTH',
    choiceBasedSignIn: true,
  });
}

/** The file's text, as written to `public/config.json` and served at `/config.json`. */
export function serializeConfig(config: RuntimeConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
