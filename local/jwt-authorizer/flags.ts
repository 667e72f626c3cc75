// The authorizer's command-line flags (--issuer, --audience, --scopes, --jwks-max-age), read with
// the same rules by every process that verifies tokens (the local gateway, the Timer server), so
// one spelling means the same thing everywhere.

export class AuthorizerFlagError extends Error {
  override readonly name = 'AuthorizerFlagError';
}

/**
 * A comma-separated flag, or undefined when it is not given. Given, it must name at least one
 * value: an empty list would not mean "use the default" but "none", and for --scopes that
 * silently turns the scope check off.
 */
export function csvFlag(name: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (list.length === 0) {
    throw new AuthorizerFlagError(
      `--${name} needs at least one value; leave it out to use the default`,
    );
  }
  return list;
}

/** RFC 6749 §3.3 scope-token: printable ASCII without space, `"` or `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** --scopes, each one a scope-token. */
export function scopesFlag(value: string | undefined): string[] | undefined {
  const scopes = csvFlag('scopes', value);
  for (const scope of scopes ?? []) {
    if (!SCOPE_TOKEN.test(scope)) {
      throw new AuthorizerFlagError(
        `--scopes: ${JSON.stringify(scope)} is not a scope (RFC 6749: printable ASCII, no space, " or \\)`,
      );
    }
  }
  return scopes;
}

/** An http(s) URL flag such as --issuer, kept exactly as given (iss is compared as a string). */
export function urlFlag(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !/^https?:\/\/[^\s]+$/.test(value)) {
    throw new AuthorizerFlagError(`--${name} must be an http(s) URL, got ${value}`);
  }
  return value;
}

/** Longest --jwks-max-age: a day (API Gateway itself holds keys for up to 1 hour). */
export const MAX_JWKS_MAX_AGE_SECONDS = 86_400;

/** --jwks-max-age: whole seconds from 1 to a day; undefined when not given (the default, 3600). */
export function jwksMaxAgeFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  // 0 would fetch the JWKS for every request; a fraction or a unit suffix is a typo.
  if (!/^\d+$/.test(value) || seconds < 1 || seconds > MAX_JWKS_MAX_AGE_SECONDS) {
    throw new AuthorizerFlagError(
      `--jwks-max-age must be a whole number of seconds from 1 to ${MAX_JWKS_MAX_AGE_SECONDS}, got ${value}`,
    );
  }
  return seconds;
}
