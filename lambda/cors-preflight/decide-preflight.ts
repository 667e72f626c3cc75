// The preflight decision as a pure function, following the Fetch standard's CORS protocol
// (https://fetch.spec.whatwg.org/#http-cors-protocol): the browser sends Origin,
// Access-Control-Request-Method and optionally Access-Control-Request-Headers; we grant exactly
// the configured methods and headers to exactly the configured origins, and nothing to anyone else.
import type { CorsConfig } from './config.ts';

export interface PreflightRequest {
  readonly origin: string | undefined;
  readonly requestMethod: string | undefined;
  readonly requestHeaders: string | undefined;
}

export interface PreflightResponse {
  readonly statusCode: 204 | 403;
  readonly headers: Readonly<Record<string, string>>;
}

export type PreflightRefusal = 'origin' | 'method' | 'headers';

/** Why a preflight is refused, or `undefined` when it is granted. */
export function preflightRefusal(
  config: CorsConfig,
  request: PreflightRequest,
): PreflightRefusal | undefined {
  // Exact comparison: browsers serialise Origin in lower case without a default port, and the
  // configuration holds origins in that same form, so no normalisation can widen the match. App
  // WebView origins (capacitor://localhost) are never parsed at all, only compared.
  if (request.origin === undefined || !config.allowedOrigins.has(request.origin)) return 'origin';
  if (
    request.requestMethod === undefined ||
    !config.allowedMethods.includes(request.requestMethod)
  ) {
    return 'method';
  }
  const requested = (request.requestHeaders ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (!requested.every((name) => config.allowedHeaderKeys.has(name))) return 'headers';
  return undefined;
}

export function decidePreflight(config: CorsConfig, request: PreflightRequest): PreflightResponse {
  if (preflightRefusal(config, request) !== undefined) {
    // Vary: Origin even on refusal, so a shared cache never serves this answer to another origin.
    return { statusCode: 403, headers: { vary: 'Origin' } };
  }
  return {
    statusCode: 204,
    headers: {
      'access-control-allow-origin': request.origin as string,
      'access-control-allow-methods': config.allowedMethods.join(','),
      // The configured list, never the requested one: reflecting requested headers would let any
      // page on an allowed origin send headers the API never agreed to receive.
      'access-control-allow-headers': config.allowedHeaders.join(','),
      'access-control-max-age': String(config.maxAgeSeconds),
      vary: 'Origin',
    },
  };
}
