// API Gateway HTTP API payload format 2.0, in and out:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
// The event's header names are lower case and repeated headers arrive joined with commas; a body
// is a string, base64-encoded when `isBase64Encoded`. A result with `statusCode` is the response
// as is (no inference), its body a string.
import { BodyTooLargeError } from './core/body.ts';
import { ownerFromSub } from './core/owner.ts';
import type { TimerResponse } from './core/problem.ts';
import type { TimerRequest } from './core/timer-handler.ts';

export interface HttpApiEvent {
  readonly version?: string;
  readonly rawPath?: string;
  readonly rawQueryString?: string;
  readonly headers?: Readonly<Record<string, string | undefined>> | null;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly requestContext?: {
    readonly http?: { readonly method?: string };
    /** Filled by the route's JWT authorizer, and only once it has verified the token. */
    readonly authorizer?: {
      readonly jwt?: { readonly claims?: Readonly<Record<string, unknown>> | null } | null;
    } | null;
  };
}

export interface HttpApiResult {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly isBase64Encoded: false;
}

/**
 * The owner: the `sub` claim the gateway's JWT authorizer verified, when it can own tasks
 * (core/owner.ts). Nothing else in the event (a header, the query, the body) can name it; without
 * one the request is refused, so a route configured without the authorizer exposes nothing.
 */
export function ownerOf(event: HttpApiEvent): string | undefined {
  return ownerFromSub(event.requestContext?.authorizer?.jwt?.claims?.['sub']);
}

export function timerRequestOf(event: HttpApiEvent): TimerRequest {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (typeof value !== 'string') continue;
    const key = name.toLowerCase();
    headers.set(key, headers.has(key) ? `${headers.get(key)},${value}` : value);
  }
  const path = event.rawPath ?? '/';
  return {
    method: (event.requestContext?.http?.method ?? 'GET').toUpperCase(),
    url: event.rawQueryString ? `${path}?${event.rawQueryString}` : path,
    header: (name) => headers.get(name),
    async readBody(limit) {
      const text = event.body ?? '';
      if (!event.isBase64Encoded) {
        // Checked on the string first: it is never shorter in characters than in UTF-8 bytes.
        if (text.length > limit) throw new BodyTooLargeError();
        const bytes = Buffer.from(text, 'utf8');
        if (bytes.length > limit) throw new BodyTooLargeError();
        return bytes;
      }
      // Four base64 characters carry three bytes: refuse before decoding what cannot fit.
      if (Math.floor(text.length / 4) * 3 - 2 > limit) throw new BodyTooLargeError();
      const bytes = Buffer.from(text, 'base64');
      if (bytes.length > limit) throw new BodyTooLargeError();
      return bytes;
    },
  };
}

export function resultOf(response: TimerResponse, method: string): HttpApiResult {
  return {
    statusCode: response.status,
    headers: response.headers,
    // HEAD: the headers of the GET, no body (RFC 9110 §9.3.2).
    body: method === 'HEAD' ? '' : response.body,
    isBase64Encoded: false,
  };
}
