import { InjectionToken } from '@angular/core';
import { CognitoAuthConfigError } from './errors';
import { parseHttpUrl } from './url-allowlist';

export interface CognitoAuthConfig {
  /**
   * The only URLs that receive the token: absolute origins with an optional path prefix, e.g.
   * `https://abc123.execute-api.us-east-1.amazonaws.com/` or `https://api.example.com/v1`.
   * Everything else is sent without it (deny by default).
   */
  readonly allowedUrls: readonly string[];
  /** Which Cognito token to send. `access` (default) is what a JWT authorizer with scopes expects. */
  readonly token?: 'access' | 'id';
  /** Default `Authorization`. */
  readonly headerName?: string;
  /** Default `Bearer`; `''` sends the raw token. */
  readonly scheme?: string;
  /** Signed out: `pass` (default) sends the request without a token; `error` fails with `NotSignedInError`. */
  readonly whenSignedOut?: 'pass' | 'error';
}

export interface ResolvedCognitoAuthConfig {
  readonly allowedUrls: readonly string[];
  readonly token: 'access' | 'id';
  readonly headerName: string;
  readonly scheme: string;
  readonly whenSignedOut: 'pass' | 'error';
}

export const COGNITO_AUTH_CONFIG = new InjectionToken<ResolvedCognitoAuthConfig>(
  'COGNITO_AUTH_CONFIG',
);

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/; // RFC 9110 token
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Validates once at start-up so a typo fails loudly instead of leaking or dropping tokens. */
export function resolveCognitoAuthConfig(config: CognitoAuthConfig): ResolvedCognitoAuthConfig {
  if (config === null || typeof config !== 'object') {
    throw new CognitoAuthConfigError('Cognito auth config must be an object with allowedUrls');
  }
  const { allowedUrls } = config;
  if (!Array.isArray(allowedUrls) || allowedUrls.length === 0) {
    throw new CognitoAuthConfigError(
      'allowedUrls must list at least one API URL: with none, no request could carry a token',
    );
  }
  allowedUrls.forEach(checkAllowedUrl);
  const token = config.token ?? 'access';
  if (token !== 'access' && token !== 'id') {
    throw new CognitoAuthConfigError(
      `token must be 'access' or 'id', got ${JSON.stringify(token)}`,
    );
  }
  const headerName = config.headerName ?? 'Authorization';
  if (typeof headerName !== 'string' || !HEADER_NAME.test(headerName)) {
    throw new CognitoAuthConfigError(
      `headerName ${JSON.stringify(headerName)} is not a valid header name`,
    );
  }
  const scheme = config.scheme ?? 'Bearer';
  if (typeof scheme !== 'string' || (scheme !== '' && !HEADER_NAME.test(scheme))) {
    throw new CognitoAuthConfigError(
      `scheme ${JSON.stringify(scheme)} must be a single word or ''`,
    );
  }
  const whenSignedOut = config.whenSignedOut ?? 'pass';
  if (whenSignedOut !== 'pass' && whenSignedOut !== 'error') {
    throw new CognitoAuthConfigError(
      `whenSignedOut must be 'pass' or 'error', got ${JSON.stringify(whenSignedOut)}`,
    );
  }
  return Object.freeze({
    allowedUrls: Object.freeze([...allowedUrls]),
    token,
    headerName,
    scheme,
    whenSignedOut,
  });
}

function checkAllowedUrl(entry: unknown, index: number): void {
  const where = `allowedUrls[${index}] ${JSON.stringify(entry)}`;
  if (typeof entry !== 'string' || entry.includes('*')) {
    throw new CognitoAuthConfigError(
      `${where}: wildcards are not allowed; list each API URL exactly`,
    );
  }
  const url = parseHttpUrl(entry);
  if (!url || !/^https?:\/\//i.test(entry.trim())) {
    throw new CognitoAuthConfigError(
      `${where}: must be an absolute http(s) URL without user info, e.g. https://api.example.com/v1`,
    );
  }
  if (url.search || url.hash || entry.includes('?') || entry.includes('#')) {
    throw new CognitoAuthConfigError(`${where}: must not have a query or fragment`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname)) {
    throw new CognitoAuthConfigError(
      `${where}: plain http would expose the token on the network; use https (http is only allowed for localhost and 127.0.0.1)`,
    );
  }
}
