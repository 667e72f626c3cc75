// CORS headers on actual (non-preflight) responses when the API has a CorsConfiguration:
// for an allowed Origin API Gateway adds the configured headers to every response (authorizer
// errors included) and ignores CORS headers from the integration; for any other Origin it adds none.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
//
// Whenever a CorsConfiguration exists, the answer depends on the request's Origin, so it carries
// `Vary: Origin` (RFC 9110 §12.5.5) whatever the Origin was, refused or absent included: a shared
// cache must not hand an answer made for one origin (or for none) to a request from another. The
// CORS preflight Lambda does the same for preflights.
import type { CorsConfig } from './template.ts';

export function isCorsHeader(name: string): boolean {
  return name.toLowerCase().startsWith('access-control-');
}

/** Pure: the CORS headers to add for this request's Origin (exact match only, never reflected otherwise). */
export function corsResponseHeaders(
  cors: CorsConfig | undefined,
  origin: string | undefined,
): Record<string, string> {
  if (cors === undefined) return {};
  const vary = { vary: 'Origin' };
  if (origin === undefined || origin === '*' || origin === 'null') return vary;
  if (!cors.allowOrigins.includes(origin)) return vary;
  const headers: Record<string, string> = { 'access-control-allow-origin': origin, ...vary };
  if (cors.exposeHeaders.length > 0) {
    headers['access-control-expose-headers'] = cors.exposeHeaders.join(',');
  }
  if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
  return headers;
}
