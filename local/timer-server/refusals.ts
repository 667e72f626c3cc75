// Requests Node refuses before (or instead of) handing them to the app. Its defaults answer them
// with an empty body (lib/_http_server.js); here they get the same problem+json as every other
// error, so a client has one error format to read.
import { maxHeaderSize, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problems, type Problem } from '../../lambda/timer-api/core/problem.ts';
import { rawProblem, sendProblem } from './http-send.ts';

export interface Timeouts {
  readonly headersMs: number;
  readonly requestMs: number;
}

/** The problem for a 'clientError', or undefined when there is nobody left to answer. */
export function clientErrorProblem(
  error: NodeJS.ErrnoException & { reason?: string },
  { headersMs, requestMs }: Timeouts,
  headerLimit = maxHeaderSize,
): Problem | undefined {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT': // headersTimeout or requestTimeout ran out
      return problems.requestTimeout(headersMs, requestMs);
    case 'HPE_HEADER_OVERFLOW':
      return problems.headersTooLarge(headerLimit);
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return problems.badRequest('The chunk extensions of the request body are too large');
  }
  // llhttp's parse errors (HPE_*): not HTTP/1.1 as RFC 9112 spells it. Anything else is the socket
  // failing (ECONNRESET, EPIPE…).
  return error.code?.startsWith('HPE_')
    ? problems.badRequest(`The request is not valid HTTP/1.1: ${error.reason ?? error.message}`)
    : undefined;
}

export function answerRefusals(server: Server, timeouts: Timeouts): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const problem = clientErrorProblem(error, timeouts);
    // Every response of this app is written whole by one res.end(), so none is ever half-sent
    // here; a socket that is no longer writable has no reader left.
    if (!problem || !socket.writable) return void socket.destroy();
    // Destroyed once flushed, not at once: destroying could drop the unsent answer.
    socket.end(rawProblem(problem), () => socket.destroy());
  });
  // Any Expect other than 100-continue (which Node answers itself, RFC 9110 §10.1.1).
  server.on('checkExpectation', (req, res) => {
    sendProblem(res, problems.expectationFailed(req.headers.expect), { connection: 'close' });
  });
}
