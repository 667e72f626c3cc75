// The demo app's response headers on Amplify Hosting (hosting/custom-headers.yml, in Amplify's
// custom header YAML format: https://docs.aws.amazon.com/amplify/latest/userguide/custom-header-YAML-format.html).
// One parser and one filler for both users, so the headers e2e checks are the ones hosting.sh ships.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export class CustomHeadersError extends Error {
  override readonly name = 'CustomHeadersError';
}

export const CUSTOM_HEADERS_FILE = new URL('../hosting/custom-headers.yml', import.meta.url);

export interface HeaderRule {
  pattern: string;
  headers: { key: string; value: string }[];
}

export interface HeaderOrigins {
  /** Origin of the API (the stack's ApiEndpoint). */
  apiOrigin: string;
  /** Where Amplify sends the Cognito calls: https://cognito-idp.<region>.amazonaws.com on AWS. */
  cognitoOrigin: string;
}

const PLACEHOLDERS = {
  '{{API_ORIGIN}}': 'apiOrigin',
  '{{COGNITO_ORIGIN}}': 'cognitoOrigin',
} as const;

/** A bare origin and nothing else, so nothing can add a CSP source or directive through it. */
function origin(value: string, label: string): string {
  const url = URL.parse(value);
  if (!url) throw new CustomHeadersError(`${label} must be an origin, got "${value}"`);
  if (url.origin !== value.replace(/\/$/, '') || !/^https?:$/.test(url.protocol)) {
    throw new CustomHeadersError(`${label} must be an http(s) origin, got "${value}"`);
  }
  return url.origin;
}

export function cognitoOrigin(region: string): string {
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
    throw new CustomHeadersError(`bad region "${region}"`);
  }
  return `https://cognito-idp.${region}.amazonaws.com`;
}

/** The template with every placeholder replaced; throws if one is left or unknown. */
export function fillCustomHeaders(template: string, origins: HeaderOrigins): string {
  const filled = template.replace(/\{\{[A-Z_]+\}\}/g, (placeholder) => {
    const key = PLACEHOLDERS[placeholder as keyof typeof PLACEHOLDERS];
    if (!key) throw new CustomHeadersError(`unknown placeholder ${placeholder}`);
    return origin(origins[key], key);
  });
  parseCustomHeaders(filled);
  return filled;
}

export function parseCustomHeaders(text: string): HeaderRule[] {
  const doc = parse(text) as { customHeaders?: unknown } | null;
  const rules = doc?.customHeaders;
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new CustomHeadersError('customHeaders must be a non-empty list');
  }
  return rules.map((rule: Partial<HeaderRule>) => {
    if (typeof rule.pattern !== 'string' || !Array.isArray(rule.headers)) {
      throw new CustomHeadersError('each rule needs a pattern and a list of headers');
    }
    for (const header of rule.headers) {
      if (typeof header.key !== 'string' || typeof header.value !== 'string') {
        throw new CustomHeadersError(`rule ${rule.pattern}: each header needs a key and a value`);
      }
    }
    return { pattern: rule.pattern, headers: rule.headers };
  });
}

/** `**` any path, `*` within one segment; the leading slash is optional on both sides. */
function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/^\//, '')
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`);
}

/** The headers a response for `path` gets: every matching rule's, later rules winning. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!globToRegExp(rule.pattern).test(path.replace(/^\//, ''))) continue;
    for (const { key, value } of rule.headers) headers[key.toLowerCase()] = value;
  }
  return headers;
}

export function readCustomHeadersTemplate(): string {
  return readFileSync(CUSTOM_HEADERS_FILE, 'utf8');
}
