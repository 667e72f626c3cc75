// The reference server's transport: node:http in front of the Timer API's core
// (lambda/timer-api/core/timer-handler.ts, shared with the Timer Lambda). What is HTTP/1.1's own
// stays here: the Host header, who is calling (from the bearer token, authenticate.ts), reading
// the body from the socket, and closing a connection whose body was answered unread.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { closeAfterRefusal, isClientGone, readBody } from '../http/body.ts';
import { problemResponse, problems, type Problem } from '../../lambda/timer-api/core/problem.ts';
import type { TimerSchemas } from '../../lambda/timer-api/core/schema.ts';
import type { TaskStore } from '../../lambda/timer-api/core/task-store.ts';
import {
  createTimerHandler,
  type TimerRequest,
} from '../../lambda/timer-api/core/timer-handler.ts';
import type { Authenticate } from './authenticate.ts';
import { send, sendProblem } from './http-send.ts';

/**
 * RFC 9112 §3.2: 400 for an HTTP/1.1 request without a Host header, and for any with more than
 * one. (Node's own check, turned off in server.ts, answers the first with an empty body.)
 */
export function hostProblem(req: IncomingMessage): Problem | undefined {
  const hosts = req.rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === 'host').length;
  if (hosts > 1) return problems.badRequest('The request has more than one Host header');
  if (hosts === 0 && req.httpVersion === '1.1') {
    return problems.badRequest('An HTTP/1.1 request must have a Host header');
  }
  return undefined;
}

/** The request as the core reads it; `onBodyRead` is called once its body has been read whole. */
function timerRequest(req: IncomingMessage, onBodyRead: () => void): TimerRequest {
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    header(name) {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(',') : value;
    },
    async readBody(limit) {
      const body = await readBody(req, limit);
      onBodyRead();
      return body;
    },
  };
}

/**
 * The HTTP surface over the store. `authenticate` decides who calls before anything else is
 * looked at (deny by default: without an owner nothing is routed, read or parsed), and every
 * store call is scoped to that owner.
 */
export function createTimerApp(
  store: TaskStore,
  schemas: TimerSchemas,
  authenticate: Authenticate,
) {
  // Page cursors are sealed with one random key per process (the core's default): a cursor does
  // not outlive the server that gave it, and a client holding one after a restart gets 400 and
  // lists again from the first page. Nothing to configure or rotate.
  const handler = createTimerHandler(store, schemas);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const badHost = hostProblem(req);
    if (badHost) return sendProblem(res, badHost, { connection: 'close' });
    const caller = await authenticate(req);
    let bodyRead = false;
    // Node leaves the body out of a HEAD response and keeps the headers, Content-Length included.
    const response = caller.ok
      ? await handler(
          caller.owner,
          timerRequest(req, () => (bodyRead = true)),
        )
      : problemResponse(caller.problem, caller.headers);
    if (bodyRead || !hasBody(req)) return send(res, response);
    // A body left unread (a caller refused; a body the core refused before reading it: too large,
    // a wrong media type or coding, a replacement without If-Match; or one the method does not
    // take) is not drained: the connection closes after the answer, and what is still arriving
    // is not read (closeAfterRefusal).
    if (!req.complete) closeAfterRefusal(req);
    send(res, { ...response, headers: { ...response.headers, connection: 'close' } });
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      // The client went away (or Node's request timeout cut it off): nobody to answer.
      if (isClientGone(error)) return void res.destroy();
      console.error('timer-server: request failed', error);
      if (!res.headersSent) sendProblem(res, problems.internal());
      else res.destroy();
    });
  };
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
