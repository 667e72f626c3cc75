// CLI flags of contract 3 (shared/design.md): flags override template and parameters.
import { parseArgs } from 'node:util';

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
}

const csv = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

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
  return {
    port,
    issuer: values.issuer?.replace(/\/+$/, ''),
    audience: csv(values.audience),
    upstream: values.upstream,
    allowedOrigins: csv(values['allowed-origins']),
    scopes: csv(values.scopes),
    template: values.template ?? defaults.template,
    parameters: values.parameters ?? (values.template ? undefined : defaults.parameters),
  };
}
