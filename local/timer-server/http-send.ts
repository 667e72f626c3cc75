// Writing a TimerResponse on node:http, and the raw answer for a connection Node refused before
// there was a request object to answer on.
import type { ServerResponse } from 'node:http';
import {
  problemResponse,
  type Problem,
  type TimerResponse,
} from '../../lambda/timer-api/core/problem.ts';

export function send(res: ServerResponse, response: TimerResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  // RFC 9110 §8.6: no Content-Length in a 204.
  if (response.status !== 204) headers['content-length'] = String(Buffer.byteLength(response.body));
  res.writeHead(response.status, headers);
  res.end(response.body);
}

export function sendProblem(
  res: ServerResponse,
  problem: Problem,
  headers: Record<string, string> = {},
): void {
  send(res, problemResponse(problem, headers));
}

/**
 * The whole HTTP/1.1 message for a connection Node refused (its 'clientError' event); the
 * connection closes after it.
 */
export function rawProblem(problem: Problem): string {
  const response = problemResponse(problem, {
    date: new Date().toUTCString(), // Node adds it to every other response (RFC 9110 §6.6.1)
    connection: 'close',
  });
  const headers = {
    ...response.headers,
    'content-length': String(Buffer.byteLength(response.body)),
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${problem.status} ${problem.title}\r\n${lines.join('')}\r\n${response.body}`;
}
