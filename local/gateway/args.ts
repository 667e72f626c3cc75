// CLI flags of the local gateway (docs/architecture.md, contract 3): flags override template and
// parameters.
import { parseArgs } from 'node:util';
import { ALLOWED_ORIGIN_RULE, isAllowedOrigin } from './allowed-origins.ts';

export class GatewayArgsError extends Error {
  override readonly name = 'GatewayArgsError';
}

export interface GatewayArgs {
  port: number;
  issuer?: string;
  audience?: string[];
  upstream?: string;
  allowedOrigins?: string[];
  scopes?: string[];
  template: string;
  parameters?: string;
  /** Seconds a fetched JWKS is used; undefined: the authorizer's default (3600). */
  jwksMaxAgeSeconds?: number;
}

/** Longest --jwks-max-age: a day (API Gateway itself holds keys for up to 1 hour). */
export const MAX_JWKS_MAX_AGE_SECONDS = 86_400;

/**
 * A comma-separated flag, or undefined when it is not given. Given, it must name at least one
 * value: an empty list would not mean "use the template's" but "none", and for --scopes that
 * silently turns the route's scope check off. A route without scopes comes from the template.
 */
function csv(name: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (list.length === 0) {
    throw new GatewayArgsError(
      `--${name} needs at least one value; leave it out to use the template's`,
    );
  }
  return list;
}

/** RFC 6749 §3.3 scope-token: printable ASCII without space, `"` or `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

export function parseGatewayArgs(
  argv: string[],
  defaults: { template: string; parameters?: string },
): GatewayArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        issuer: { type: 'string' },
        audience: { type: 'string' },
        upstream: { type: 'string' },
        'allowed-origins': { type: 'string' },
        scopes: { type: 'string' },
        template: { type: 'string' },
        parameters: { type: 'string' },
        'jwks-max-age': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new GatewayArgsError((error as Error).message);
  }
  const port = Number(values.port ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new GatewayArgsError(`--port must be 0-65535, got ${values.port}`);
  }
  for (const [name, value] of [
    ['issuer', values.issuer],
    ['upstream', values.upstream],
  ] as const) {
    if (value !== undefined && !/^https?:\/\/[^\s]+$/.test(value)) {
      throw new GatewayArgsError(`--${name} must be an http(s) URL, got ${value}`);
    }
  }
  const scopes = csv('scopes', values.scopes);
  for (const scope of scopes ?? []) {
    if (!SCOPE_TOKEN.test(scope)) {
      throw new GatewayArgsError(
        `--scopes: ${JSON.stringify(scope)} is not a scope (RFC 6749: printable ASCII, no space, " or \\)`,
      );
    }
  }
  const maxAge = values['jwks-max-age'];
  const jwksMaxAgeSeconds = maxAge === undefined ? undefined : Number(maxAge);
  if (
    jwksMaxAgeSeconds !== undefined &&
    (!/^\d+$/.test(maxAge!) ||
      jwksMaxAgeSeconds < 1 ||
      jwksMaxAgeSeconds > MAX_JWKS_MAX_AGE_SECONDS)
  ) {
    // 0 would fetch the JWKS for every request; a fraction or a unit suffix is a typo.
    throw new GatewayArgsError(
      `--jwks-max-age must be a whole number of seconds from 1 to ${MAX_JWKS_MAX_AGE_SECONDS}, got ${maxAge}`,
    );
  }
  const allowedOrigins = csv('allowed-origins', values['allowed-origins']);
  for (const origin of allowedOrigins ?? []) {
    if (!isAllowedOrigin(origin)) {
      throw new GatewayArgsError(
        `--allowed-origins: ${JSON.stringify(origin)} is not allowed: ${ALLOWED_ORIGIN_RULE}`,
      );
    }
  }
  return {
    port,
    // Exact: API Gateway compares iss with the configured issuer as a string, so an issuer whose
    // tokens say `https://idp.example/` must keep its slash (the JWKS URL drops it, authorizer.ts).
    issuer: values.issuer,
    audience: csv('audience', values.audience),
    upstream: values.upstream,
    allowedOrigins,
    scopes,
    template: values.template ?? defaults.template,
    parameters: values.parameters ?? (values.template ? undefined : defaults.parameters),
    ...(jwksMaxAgeSeconds === undefined ? {} : { jwksMaxAgeSeconds }),
  };
}
