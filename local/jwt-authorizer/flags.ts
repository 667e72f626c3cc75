// The authorizer's command-line flags (--issuer, --audience, --scopes), read with the same rules
// by every process that verifies tokens, so one spelling means the same thing everywhere.

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
    throw new AuthorizerFlagError(`--${name} needs at least one value; leave it out instead`);
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
