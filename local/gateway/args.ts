// CLI flags of the local gateway (docs/architecture.md, contract 3): flags override template and
// parameters.
import { parseArgs } from 'node:util';
import {
  AuthorizerFlagError,
  csvFlag,
  jwksMaxAgeFlag,
  scopesFlag,
  urlFlag,
} from '../jwt-authorizer/flags.ts';
import { ALLOWED_ORIGIN_RULE, isAllowedOrigin } from './origin-check.ts';

export const USAGE = [
  'usage: npm run gateway -- --port N --issuer URL --audience ID[,ID] --upstream URL --allowed-origins CSV [--scopes CSV] [--template FILE] [--parameters FILE] [--jwks-max-age SECONDS] [--lambda-env KEY=VALUE ...] [--access-log FILE]',
  '   or: npm run gateway -- --help',
  '',
  'The HTTP API of cloudformation/api.yaml on 127.0.0.1, as API Gateway runs it (docs/gateway-emulator.md):',
  'routes, the JWT authorizer, CORS, the preflight Lambda and AWS request limits. Flags override the',
  'template and its parameters. Prints "listening on http://127.0.0.1:PORT" when ready.',
  '  --port N                 0-65535, 0 picks a free port (default 3000)',
  "  --issuer URL             the JWT authorizer's issuer (iss, exact)",
  '  --audience ID[,ID]       accepted aud / client_id values',
  "  --upstream URL           the HTTP integration's base URL (the Timer server)",
  '  --allowed-origins CSV    exact browser origins for CORS',
  "  --scopes CSV             the $default route's scopes (default: the template's)",
  '  --template FILE          default cloudformation/api.yaml',
  '  --parameters FILE        default cloudformation/parameters/local.json',
  '  --jwks-max-age SECONDS   how long a fetched key set is used (default 3600)',
  "  --lambda-env KEY=VALUE   added to every Lambda integration's environment (repeatable)",
  '  --access-log FILE        one JSON line per request appended to FILE, as a stage access log',
].join('\n');

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
  /** `--lambda-env KEY=VALUE` (repeatable): added to every Lambda integration's environment. */
  lambdaEnv?: Record<string, string>;
  /** Where to append the access log (`--access-log`); none if unset. */
  accessLog?: string;
}

/** The shared flag readers' errors, as this CLI's own. */
function flag<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AuthorizerFlagError) throw new GatewayArgsError(error.message);
    throw error;
  }
}

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
        'lambda-env': { type: 'string', multiple: true },
        'access-log': { type: 'string' },
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
  const issuer = flag(() => urlFlag('issuer', values.issuer));
  const upstream = flag(() => urlFlag('upstream', values.upstream));
  const scopes = flag(() => scopesFlag(values.scopes));
  const jwksMaxAgeSeconds = flag(() => jwksMaxAgeFlag(values['jwks-max-age']));
  // Given, a list flag names at least one value: an empty --scopes would silently turn the
  // route's scope check off instead of using the template's.
  const allowedOrigins = flag(() => csvFlag('allowed-origins', values['allowed-origins']));
  for (const origin of allowedOrigins ?? []) {
    if (!isAllowedOrigin(origin)) {
      throw new GatewayArgsError(
        `--allowed-origins: ${JSON.stringify(origin)} is not allowed: ${ALLOWED_ORIGIN_RULE}`,
      );
    }
  }
  const lambdaEnv: Record<string, string> = {};
  for (const pair of values['lambda-env'] ?? []) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
    if (!match)
      throw new GatewayArgsError(`--lambda-env must be KEY=VALUE, got ${JSON.stringify(pair)}`);
    lambdaEnv[match[1]!] = match[2]!;
  }
  const accessLog = values['access-log'];
  if (accessLog === '') throw new GatewayArgsError('--access-log must name a file');
  return {
    port,
    ...(values['lambda-env'] ? { lambdaEnv } : {}),
    ...(accessLog === undefined ? {} : { accessLog }),
    // Exact: API Gateway compares iss with the configured issuer as a string, so an issuer whose
    // tokens say `https://idp.example/` must keep its slash (the JWKS URL drops it, authorizer.ts).
    issuer,
    audience: flag(() => csvFlag('audience', values.audience)),
    upstream,
    allowedOrigins,
    scopes,
    template: values.template ?? defaults.template,
    parameters: values.parameters ?? (values.template ? undefined : defaults.parameters),
    ...(jwksMaxAgeSeconds === undefined ? {} : { jwksMaxAgeSeconds }),
  };
}
