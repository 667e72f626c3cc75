import { InjectionToken } from '@angular/core';
import { CognitoAuthConfigError } from './errors';
import { AllowlistMatcher, compileAllowlist, rememberDecisions } from './url-allowlist';

/**
 * What `provideCognitoAuth` and `CognitoAuthModule.forRoot` take; checked at start-up. Each
 * option, its default and what it does: the Configuration table of the package's README
 * (`README.md#configuration`).
 *
 * @example
 * import type { CognitoAuthConfig } from 'ngx-cognito-gateway';
 * const config: CognitoAuthConfig = {
 *   allowedUrls: ['https://abc123.execute-api.eu-west-1.amazonaws.com/'],
 *   whenSignedOut: 'error',
 * };
 */
export interface CognitoAuthConfig {
  readonly allowedUrls: readonly string[];
  readonly token?: 'access' | 'id';
  readonly headerName?: string;
  readonly scheme?: string;
  readonly whenSignedOut?: 'pass' | 'error';
}

/** The config checked, defaults applied, and the allowlist compiled (its decisions remembered). */
export interface ResolvedCognitoAuthConfig extends Required<
  Omit<CognitoAuthConfig, 'allowedUrls'>
> {
  readonly allowlisted: AllowlistMatcher;
}

export const COGNITO_AUTH_CONFIG = new InjectionToken<ResolvedCognitoAuthConfig>(
  'COGNITO_AUTH_CONFIG',
);

const HTTP_TOKEN = /^[!#$%&'*+.^`|~\w-]+$/; // RFC 9110 token

/** Validates once at start-up so a typo fails loudly instead of leaking or dropping tokens. */
export function resolveCognitoAuthConfig(config: CognitoAuthConfig): ResolvedCognitoAuthConfig {
  const fail = (message: string, name?: string, value?: unknown): never => {
    throw new CognitoAuthConfigError(message, name, value);
  };
  /** The option, or its default; checked. Property order below is the order of the checks. */
  const option = <K extends keyof CognitoAuthConfig>(
    name: K,
    fallback: CognitoAuthConfig[K] | undefined,
    valid: (value: unknown) => boolean,
    expected: string,
  ): NonNullable<CognitoAuthConfig[K]> => {
    const value = config?.[name] ?? fallback;
    return valid(value)
      ? value!
      : fail(`${name} must be ${expected}, got ${JSON.stringify(value)}`, name, value);
  };
  const isToken = (value: unknown) => typeof value === 'string' && HTTP_TOKEN.test(value);
  return {
    allowlisted: rememberDecisions(
      compileAllowlist(
        option(
          'allowedUrls',
          undefined,
          (v) => Array.isArray(v) && v.length > 0,
          'a list of at least one API URL',
        ),
        fail,
      ),
    ),
    token: option('token', 'access', (v) => v === 'access' || v === 'id', "'access' or 'id'"),
    headerName: option('headerName', 'Authorization', isToken, 'a header name'),
    scheme: option('scheme', 'Bearer', (v) => v === '' || isToken(v), "one word or ''"),
    whenSignedOut: option(
      'whenSignedOut',
      'pass',
      (v) => v === 'pass' || v === 'error',
      "'pass' or 'error'",
    ),
  };
}
