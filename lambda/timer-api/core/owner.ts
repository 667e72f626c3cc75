// Who owns tasks: the verified token's `sub`, taken only when it can name one owner and nothing
// else. Both transports decide with this (the Lambda from its authorizer's claims, event.ts; the
// reference server from the token it verified, local/timer-server/authenticate.ts).
// - Not empty: '' is nobody (and the reference server's --insecure-no-auth owner).
// - Well-formed Unicode: a lone surrogate has no UTF-8, so stores would write U+FFFD for it and
//   `\ud800x` and `\udc00x` would share one owner.
// - No control characters: no identity provider issues them (OpenID Connect Core §2 even bounds
//   `sub` in ASCII characters), they would reach logs as they are, and the DynamoDB store keeps
//   its own settings under a partition key that starts with one (../table.ts).
// - At most 255 UTF-8 bytes, OpenID Connect Core §2's bound for `sub` (Cognito's are 36-character
//   UUIDs): well inside DynamoDB's 2048-byte partition key, measured in bytes as DynamoDB does.
export const MAX_OWNER_BYTES = 255;

/** The owner a `sub` claim names, or undefined when it cannot own tasks (answer 401). */
export function ownerFromSub(sub: unknown): string | undefined {
  if (typeof sub !== 'string' || sub === '' || sub.length > MAX_OWNER_BYTES) return undefined;
  // \p{Cs} matches a surrogate only when it is not half of a pair: a lone one.
  if (/[\p{Cc}\p{Cs}]/u.test(sub)) return undefined;
  return Buffer.byteLength(sub, 'utf8') <= MAX_OWNER_BYTES ? sub : undefined;
}
