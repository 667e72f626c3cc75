// What scripts/hosting.sh wants the Amplify app and branch to look like, and whether they already
// do, so that a second run changes nothing. Field names are those of the Amplify API
// (https://docs.aws.amazon.com/amplify/latest/APIReference/API_CreateApp.html, API_App.html).
import { readCustomHeadersTemplate, cognitoOrigin, fillCustomHeaders } from './custom-headers.ts';
import { configFromOutputs, type StackOutput } from './runtime-config.ts';

export class HostingError extends Error {
  override readonly name = 'HostingError';
}

export interface StackDescription {
  Parameters?: { ParameterKey: string; ParameterValue: string }[];
  Outputs?: StackOutput[];
}

export interface CustomRule {
  source: string;
  target: string;
  status: string;
}

/**
 * Amplify's rewrite for single-page apps: any path without a file extension (or with one that is
 * not a static asset's) gets index.html with status 200, so a reload of /timers/<id> opens the app.
 * https://docs.aws.amazon.com/amplify/latest/userguide/redirect-rewrite-examples.html
 */
export const SPA_REWRITE: CustomRule = {
  source:
    '</^[^.]+$|\\.(?!(css|gif|ico|jpg|js|png|txt|svg|woff|woff2|ttf|map|json|webp)$)([^.]+$)/>',
  target: '/index.html',
  status: '200',
};

export interface AppSettings {
  name: string;
  repository: string;
  platform: 'WEB';
  customRules: CustomRule[];
  customHeaders: string;
}

/** An https Git URL without user info, so no credential can travel inside it. */
export function checkRepository(value: string): string {
  const url = URL.parse(value);
  if (!url) throw new HostingError(`the repository must be an https URL, got "${value}"`);
  if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash) {
    throw new HostingError(
      'the repository must be a plain https URL (https://github.com/owner/repo), without credentials, query or fragment',
    );
  }
  return normalizeRepository(value)!;
}

/** Amplify keeps the URL as given; a trailing slash or `.git` names the same repository. */
function normalizeRepository(value: string | undefined): string | undefined {
  return value?.replace(/\/+$/, '').replace(/\.git$/, '');
}

/** Branch names that are also a valid host label, as the branch's URL needs one. */
export function checkBranch(value: string): string {
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(value)) {
    throw new HostingError(
      `branch "${value}": use lower-case letters, digits and hyphens only (it becomes https://<branch>.<app id>.amplifyapp.com)`,
    );
  }
  return value;
}

/** GitHub repositories take `accessToken`; Bitbucket, GitLab and others take `oauthToken`. */
export function tokenField(repository: string): 'accessToken' | 'oauthToken' {
  return new URL(repository).hostname === 'github.com' ? 'accessToken' : 'oauthToken';
}

export function desiredApp(name: string, repository: string, stack: StackDescription): AppSettings {
  const config = configFromOutputs(stack.Outputs ?? []);
  return {
    name,
    repository: checkRepository(repository),
    platform: 'WEB',
    customRules: [SPA_REWRITE],
    customHeaders: fillCustomHeaders(readCustomHeadersTemplate(), {
      apiOrigin: new URL(config.apiUrl).origin,
      cognitoOrigin: cognitoOrigin(config.region),
    }),
  };
}

/** What differs between an existing app and the wanted settings (empty: nothing to do). */
export function appDifferences(current: Partial<AppSettings>, desired: AppSettings): string[] {
  const rules = (list: unknown) =>
    JSON.stringify(
      ((list as CustomRule[] | undefined) ?? []).map(({ source, target, status }) => ({
        source,
        target,
        status,
      })),
    );
  return (Object.keys(desired) as (keyof AppSettings)[]).filter((key) =>
    key === 'customRules'
      ? rules(current.customRules) !== rules(desired.customRules)
      : key === 'repository'
        ? normalizeRepository(current.repository) !== desired.repository
        : current[key] !== desired[key],
  );
}

/** The branch environment variables amplify.yml turns into public/config.json. */
export function branchEnvironment(stack: StackDescription): Record<string, string> {
  const config = configFromOutputs(stack.Outputs ?? []);
  return {
    API_URL: config.apiUrl,
    COGNITO_REGION: config.region,
    COGNITO_USER_POOL_ID: config.userPoolId,
    COGNITO_CLIENT_ID: config.userPoolClientId,
    COGNITO_CHOICE_BASED_SIGN_IN: String(config.choiceBasedSignIn),
  };
}

export function sameEnvironment(
  current: Record<string, string> | undefined,
  desired: Record<string, string>,
): boolean {
  const sorted = (env: Record<string, string>) => JSON.stringify(Object.entries(env).sort());
  return sorted(current ?? {}) === sorted(desired);
}

/** `AllowedOrigins` with `origin` added (unchanged if it is there already). */
export function withOrigin(allowedOrigins: string, origin: string): string {
  const list = allowedOrigins
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  return list.includes(origin) ? allowedOrigins : [...list, origin].join(',');
}
