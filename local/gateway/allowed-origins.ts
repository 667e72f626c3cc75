// Which origins the gateway may allow: the rule of the template's AllowedOrigins parameter, whose
// AllowedPattern CloudFormation checks against each value of the list
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
// --allowed-origins stands in for that parameter locally, so it gets the same rule instead of
// whatever a deployment would have refused: exact origins as browsers send them, https, or plain
// http only on localhost and 127.0.0.1 (a page served over plain http from another host can be
// rewritten in transit, and would then call the API with the user's token).
// allowed-origins.test.ts checks that this is the template's pattern, character for character.

export const ALLOWED_ORIGIN_PATTERN = String.raw`^(https://([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z]([a-z0-9-]{0,61}[a-z0-9])?(:(?!443$)([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?|http://(localhost|127\.0\.0\.1)(:(?!80$)([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?)$`;

/** The template's ConstraintDescription for the same pattern. */
export const ALLOWED_ORIGIN_RULE =
  'each origin must be https://host[:port] in lower case, or http://localhost[:port] or ' +
  'http://127.0.0.1[:port], with no path, wildcard, default port or trailing slash';

const pattern = new RegExp(ALLOWED_ORIGIN_PATTERN);

export function isAllowedOrigin(origin: string): boolean {
  return pattern.test(origin);
}
