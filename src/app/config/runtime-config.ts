// The demo app's runtime configuration, fetched from /config.json before bootstrap. This file is
// the contract: the Node side that writes config.json (scripts/runtime-config.ts) imports the type
// from here and its test runs the parser below, so the file stays free of Angular and imports.
// The package.json beside it says "type": "module", which Node and tsconfig.node.json need to
// read this folder as ES modules; the Angular build does not look at it.

export type AuthFlow = 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH';

export interface RuntimeConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** Only offline (cognito-local); absent on AWS. */
  cognitoEndpoint?: string;
  /** The password sign-in flow: on the one-page sign-in, and after sign-up (auto sign-in). */
  authFlow: AuthFlow;
  /**
   * Choice-based sign-in (Cognito's `USER_AUTH`; the app client needs `ALLOW_USER_AUTH`): the
   * sign-in page asks for the username, then offers the first factors Cognito allows that user (a
   * passkey, an email code, a password), and the account page manages passkeys. false: username
   * and password on one page, with `authFlow`. Absent: false.
   */
  choiceBasedSignIn: boolean;
}

/**
 * Why the configuration could not be used; `problems` lists each bad field for the error screen.
 * A plain field rather than a constructor parameter property: Node runs this file by stripping
 * types (scripts/runtime-config-app.test.ts), which cannot transform parameter properties.
 */
export class RuntimeConfigError extends Error {
  override readonly name = 'RuntimeConfigError';
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[] = []) {
    super(message);
    this.problems = problems;
  }
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username;
  } catch {
    return false;
  }
}

const nonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** Pure check of the parsed JSON; throws RuntimeConfigError naming every problem at once. */
export function parseRuntimeConfig(json: unknown): RuntimeConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new RuntimeConfigError('config.json is not a JSON object');
  }
  const raw = json as Record<string, unknown>;
  const problems: string[] = [];
  if (!isHttpUrl(raw['apiUrl'])) problems.push('apiUrl must be an http(s) URL');
  for (const key of ['region', 'userPoolId', 'userPoolClientId']) {
    if (!nonEmpty(raw[key])) problems.push(`${key} is required`);
  }
  const endpoint = raw['cognitoEndpoint'];
  if (endpoint !== undefined && endpoint !== '' && !isHttpUrl(endpoint)) {
    problems.push('cognitoEndpoint must be an http(s) URL when set');
  }
  const flow = raw['authFlow'] ?? 'USER_SRP_AUTH';
  if (flow !== 'USER_PASSWORD_AUTH' && flow !== 'USER_SRP_AUTH') {
    problems.push('authFlow must be USER_PASSWORD_AUTH or USER_SRP_AUTH');
  }
  const choices = raw['choiceBasedSignIn'] ?? false;
  if (typeof choices !== 'boolean') problems.push('choiceBasedSignIn must be true or false');
  if (problems.length) throw new RuntimeConfigError('config.json is invalid', problems);
  return {
    apiUrl: (raw['apiUrl'] as string).replace(/\/+$/, ''),
    region: raw['region'] as string,
    userPoolId: raw['userPoolId'] as string,
    userPoolClientId: raw['userPoolClientId'] as string,
    ...(nonEmpty(endpoint) ? { cognitoEndpoint: endpoint.replace(/\/+$/, '') } : {}),
    authFlow: flow as AuthFlow,
    choiceBasedSignIn: choices as boolean,
  };
}

/** Fetches and validates the config; a missing file or bad JSON becomes a RuntimeConfigError. */
export async function loadRuntimeConfig(
  url = '/config.json',
  fetchFn: typeof fetch = fetch,
): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-store' });
  } catch (e) {
    throw new RuntimeConfigError(`${url} could not be fetched: ${(e as Error).message}`);
  }
  if (!response.ok) throw new RuntimeConfigError(`${url} answered HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new RuntimeConfigError(`${url} is not valid JSON`);
  }
  return parseRuntimeConfig(json);
}
