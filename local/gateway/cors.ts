// CORS headers on actual (non-preflight) responses when the API has a CorsConfiguration:
// for an allowed Origin API Gateway adds the configured headers to every response (authorizer
// errors included) and ignores CORS headers from the integration; for any other Origin it adds none.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
import type { CorsConfig } from './template.ts';

export function isCorsHeader(name: string): boolean {
  return name.toLowerCase().startsWith('access-control-');
}

/** Pure: the CORS headers to add for this request's Origin (exact match only, never reflected otherwise). */
export function corsResponseHeaders(
  cors: CorsConfig | undefined,
  origin: string | undefined,
): Record<string, string> {
  if (cors === undefined || origin === undefined) return {};
  if (!cors.allowOrigins.includes(origin) || origin === '*' || origin === 'null') return {};
  const headers: Record<string, string> = { 'access-control-allow-origin': origin, vary: 'Origin' };
  if (cors.exposeHeaders.length > 0) {
    headers['access-control-expose-headers'] = cors.exposeHeaders.join(',');
  }
  if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
  return headers;
}
