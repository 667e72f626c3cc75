// Configuration of the preflight handler, read once from the environment at load time so that a
// misconfigured deployment fails on its first invocation with a clear message instead of quietly
// answering every preflight with 403.

export class CorsConfigError extends Error {
  override readonly name = 'CorsConfigError';
}

export interface CorsConfig {
  readonly allowedOrigins: ReadonlySet<string>;
  readonly allowedMethods: readonly string[];
  /** As configured, for Access-Control-Allow-Headers. */
  readonly allowedHeaders: readonly string[];
  /** Lower-cased, because header names compare case-insensitively. */
  readonly allowedHeaderKeys: ReadonlySet<string>;
  readonly maxAgeSeconds: number;
}

export const DEFAULT_METHODS = 'GET,HEAD,POST,PUT,PATCH,DELETE';
export const DEFAULT_HEADERS = 'Authorization,Content-Type,If-Match';
/** Chromium caps Access-Control-Max-Age at 7200 s; a larger value is silently cut, so refuse it. */
export const MAX_AGE_LIMIT = 7200;

const METHOD_TOKEN = /^[A-Z]+$/;
const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

function csv(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * The origins of Capacitor's WebViews on iOS (`capacitor://localhost`) and of older Ionic/Cordova
 * WebViews (`ionic://localhost`); on Android Capacitor serves from `https://localhost`, an ordinary
 * origin. The URL parser gives custom schemes the opaque origin "null", so these two are allowed as
 * exact strings; no other custom scheme (another app's WebView, a browser extension) is allowed.
 */
export const APP_WEBVIEW_ORIGINS: ReadonlySet<string> = new Set([
  'capacitor://localhost',
  'ionic://localhost',
]);

/**
 * An allowed origin must be written exactly as browsers send it in `Origin`: scheme, lower-case
 * host, port only when not the default, no path and no trailing slash. Anything else could never
 * match and usually signals a typo, so it is rejected rather than normalised.
 */
export function isExactOrigin(origin: string): boolean {
  if (APP_WEBVIEW_ORIGINS.has(origin)) return true;
  // The WHATWG URL parser accepts `*` in a host, so a wildcard pattern would otherwise pass.
  if (origin === 'null' || origin.includes('*')) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  return url.origin === origin;
}

export function parseCorsConfig(env: Readonly<Record<string, string | undefined>>): CorsConfig {
  const origins = csv(env['ALLOWED_ORIGINS'] ?? '');
  if (origins.length === 0) {
    throw new CorsConfigError(
      'ALLOWED_ORIGINS is required: a comma-separated list of exact origins',
    );
  }
  for (const origin of origins) {
    if (!isExactOrigin(origin)) {
      throw new CorsConfigError(
        `ALLOWED_ORIGINS contains "${origin}": expected an exact origin such as https://app.example.com or capacitor://localhost (no "*", path or trailing slash)`,
      );
    }
  }
  const methods = csv(env['ALLOWED_METHODS'] ?? DEFAULT_METHODS);
  if (methods.length === 0 || !methods.every((method) => METHOD_TOKEN.test(method))) {
    throw new CorsConfigError(
      `ALLOWED_METHODS must list upper-case HTTP methods, got "${env['ALLOWED_METHODS']}"`,
    );
  }
  const headers = csv(env['ALLOWED_HEADERS'] ?? DEFAULT_HEADERS);
  if (headers.length === 0 || !headers.every((header) => HEADER_TOKEN.test(header.toLowerCase()))) {
    throw new CorsConfigError(
      `ALLOWED_HEADERS must list header names, got "${env['ALLOWED_HEADERS']}"`,
    );
  }
  if (headers.includes('*')) throw new CorsConfigError('ALLOWED_HEADERS must not contain "*"');
  // Every call through this API carries a bearer token, and `*` would not cover Authorization
  // (https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name), so it must be listed.
  if (!headers.some((header) => header.toLowerCase() === 'authorization')) {
    throw new CorsConfigError(
      `ALLOWED_HEADERS must include Authorization (the JWT authorizer reads it), got "${env['ALLOWED_HEADERS']}"`,
    );
  }
  const maxAgeText = env['MAX_AGE'] ?? String(MAX_AGE_LIMIT);
  const maxAgeSeconds = Number(maxAgeText);
  if (!/^\d+$/.test(maxAgeText) || maxAgeSeconds > MAX_AGE_LIMIT) {
    throw new CorsConfigError(
      `MAX_AGE must be an integer from 0 to ${MAX_AGE_LIMIT}, got "${maxAgeText}"`,
    );
  }
  return {
    allowedOrigins: new Set(origins),
    allowedMethods: methods,
    allowedHeaders: headers,
    allowedHeaderKeys: new Set(headers.map((header) => header.toLowerCase())),
    maxAgeSeconds,
  };
}
