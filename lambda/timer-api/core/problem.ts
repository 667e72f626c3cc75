// RFC 9457 problem details (https://www.rfc-editor.org/rfc/rfc9457).
import type {
  FieldError,
  Problem,
} from '../../../projects/ngx-cognito-gateway/timer/src/generated/timer-api.ts';

export type { Problem };

// `about:blank` means "the status code says it all" (RFC 9457 §4.2.1); the two 400 flavours get
// their own type so clients can tell a typo in JSON from a rule violation.
export const problems = {
  validation: (errors: FieldError[]): Problem => ({
    type: 'urn:problem-type:timer-api:validation-error',
    title: 'Invalid task',
    status: 400,
    detail: cut(errors.map((e) => `${e.field || 'body'} ${e.message}`).join('; ')),
    errors,
  }),
  invalidJson: (detail: string): Problem => ({
    type: 'urn:problem-type:timer-api:invalid-json',
    title: 'Invalid JSON',
    status: 400,
    detail: cut(detail),
  }),
  badRequest: (detail: string): Problem => blank(400, 'Bad Request', detail),
  unauthorized: (detail: string): Problem => blank(401, 'Unauthorized', detail),
  forbidden: (detail: string): Problem => blank(403, 'Forbidden', detail),
  taskLimit: (limit: number): Problem => ({
    type: 'urn:problem-type:timer-api:task-limit',
    title: 'Too many tasks',
    status: 409,
    detail: `You have ${limit} tasks, the most one user can have: delete one to create another`,
  }),
  preconditionFailed: (detail: string): Problem => blank(412, 'Precondition Failed', detail),
  preconditionRequired: (): Problem =>
    blank(
      428,
      'Precondition Required',
      'Send If-Match with the ETag of the task as you read it (GET /tasks/{id}), so that no change made since is overwritten',
    ),
  notFound: (detail: string): Problem => blank(404, 'Not Found', detail),
  methodNotAllowed: (detail: string): Problem => blank(405, 'Method Not Allowed', detail),
  tooLarge: (limit: number): Problem =>
    blank(413, 'Content Too Large', `The request body must be at most ${limit} bytes`),
  requestTimeout: (headersMs: number, requestMs: number): Problem =>
    blank(
      408,
      'Request Timeout',
      `The headers must arrive within ${headersMs} ms and the whole request within ${requestMs} ms`,
    ),
  unsupportedMediaType: (got: string | undefined): Problem =>
    blank(
      415,
      'Unsupported Media Type',
      `The request body must be application/json, got ${got ? JSON.stringify(got) : 'none'}`,
    ),
  unsupportedEncoding: (coding: string): Problem =>
    blank(
      415,
      'Unsupported Media Type',
      `The request body must be sent as is, not with Content-Encoding ${JSON.stringify(coding)}`,
    ),
  expectationFailed: (expect: string | undefined): Problem =>
    blank(417, 'Expectation Failed', `Only "100-continue" can be expected, got ${expect}`),
  headersTooLarge: (limit: number): Problem =>
    blank(
      431,
      'Request Header Fields Too Large',
      `The request line and headers must be at most ${limit} bytes`,
    ),
  internal: (): Problem => blank(500, 'Internal Server Error', 'The server failed unexpectedly'),
};

/**
 * Most characters of a detail (Problem.detail's maxLength). Details quote what was sent (a JSON
 * parser's message, a media type): cut, they keep every problem under 4 KB.
 */
export const MAX_DETAIL_CHARS = 1000;

function blank(status: number, title: string, detail: string): Problem {
  return { type: 'about:blank', title, status, detail: cut(detail) };
}

function cut(detail: string): string {
  if (detail.length <= MAX_DETAIL_CHARS) return detail;
  // Never between the two halves of a surrogate pair: the text stays well-formed.
  return `${detail.slice(0, MAX_DETAIL_CHARS - 1).replace(/[\ud800-\udbff]$/, '')}…`;
}

const PROBLEM_JSON = 'application/problem+json';

/**
 * An answer as both transports write it: the Lambda handler (../event.ts) and the node:http server
 * (local/timer-server/app.ts, http-send.ts) add only what their transport needs (Content-Length,
 * Connection).
 */
export interface TimerResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text; '' for no body. */
  readonly body: string;
}

/** A JSON answer; never cached, since every answer depends on who asks. */
export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): TimerResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers, 'cache-control': 'no-store' },
    body: value === undefined ? '' : JSON.stringify(value),
  };
}

export function problemResponse(
  problem: Problem,
  headers: Record<string, string> = {},
): TimerResponse {
  return jsonResponse(problem.status, problem, { ...headers, 'content-type': PROBLEM_JSON });
}
