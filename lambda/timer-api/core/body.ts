// Request bodies: which media types and codings are taken, how many bytes, and how they become
// JSON. Shared by both transports (API Gateway's event in ../event.ts, node:http in
// local/timer-server/app.ts); the bytes themselves are read by each transport (local/http/body.ts
// on node:http), and both refuse a body past the limit with BodyTooLargeError.
export const MAX_BODY_BYTES = 64 * 1024;

/** A request body longer than the reader's limit; thrown by every body reader of both stacks. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

export class InvalidJsonError extends Error {
  override readonly name = 'InvalidJsonError';
}

/** `application/json` and `application/*+json`, any parameters (RFC 6839 §3.1). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[^/\s]+\+json$/.test(type);
}

/**
 * The first content coding of a request body other than identity, if any (RFC 9110 §8.4). This
 * API decodes none, so such a body is refused with 415 (RFC 9110 §15.5.16) before reading it.
 */
export function contentCoding(contentEncoding: string | undefined): string | undefined {
  return contentEncoding
    ?.split(',')
    .map((coding) => coding.trim().toLowerCase())
    .find((coding) => coding !== '' && coding !== 'identity');
}

/** UTF-8 JSON (RFC 8259 §8.1); rejects with InvalidJsonError. */
export function parseJsonBody(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidJsonError('The request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidJsonError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}
