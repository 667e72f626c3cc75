// RFC 9457 problem details (https://www.rfc-editor.org/rfc/rfc9457).
import type { ServerResponse } from 'node:http';
import type { FieldError } from './schema.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

// `about:blank` means "the status code says it all" (RFC 9457 §4.2.1); the two 400 flavours get
// their own type so clients can tell a typo in JSON from a rule violation.
export const problems = {
  validation: (errors: FieldError[]): Problem => ({
    type: 'urn:problem-type:timer-api:validation-error',
    title: 'Invalid task',
    status: 400,
    detail: errors.map((e) => `${e.field || 'body'} ${e.message}`).join('; '),
    errors,
  }),
  invalidJson: (detail: string): Problem => ({
    type: 'urn:problem-type:timer-api:invalid-json',
    title: 'Invalid JSON',
    status: 400,
    detail,
  }),
  notFound: (detail: string): Problem => blank(404, 'Not Found', detail),
  methodNotAllowed: (detail: string): Problem => blank(405, 'Method Not Allowed', detail),
  tooLarge: (limit: number): Problem =>
    blank(413, 'Content Too Large', `The request body must be at most ${limit} bytes`),
  unsupportedMediaType: (got: string | undefined): Problem =>
    blank(
      415,
      'Unsupported Media Type',
      `The request body must be application/json, got ${got ? JSON.stringify(got) : 'none'}`,
    ),
  internal: (): Problem => blank(500, 'Internal Server Error', 'The server failed unexpectedly'),
};

function blank(status: number, title: string, detail: string): Problem {
  return { type: 'about:blank', title, status, detail };
}

export function sendProblem(
  res: ServerResponse,
  problem: Problem,
  headers: Record<string, string> = {},
): void {
  send(res, problem.status, problem, { ...headers, 'content-type': 'application/problem+json' });
}

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    ...headers,
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}
