// Request bodies read from node:http within a size limit, and optionally within a budget of bytes
// held at once. The one reader of both local servers (the gateway and the reference Timer server).
// BodyTooLargeError is the Timer core's (lambda/timer-api/core/body.ts), so the core, the Lambda's
// event reader and this reader all throw the one class the core checks for.
//
// - A body declared larger than the limit is refused before a byte of it is read; a chunked body
//   is refused at the chunk that takes it past the limit. Either way the server stops reading,
//   answers, and closes the connection shortly after (closeAfterRefusal): long enough for the
//   client to read the answer, not long enough to keep receiving what it goes on sending.
// - With a budget (the gateway's, per route kind: BodyBudget), every byte held counts against it.
//   A declared length is reserved whole before reading; a chunked body reserves chunk by chunk.
//   When the budget cannot take it the request is refused at once (the caller answers 503) instead
//   of waiting: a waiting reservation could be held by a client that sends slowly, and a refusal
//   frees nothing that another request holds. Reservations are given back when the response
//   closes, since the body is held until then (Lambda event, integration request, retries).
// - A client that goes away mid-body is not an error of the server: ClientGoneError.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError } from '../../lambda/timer-api/core/body.ts';

export { BodyTooLargeError };

export class BodyBudgetExhaustedError extends Error {
  override readonly name = 'BodyBudgetExhaustedError';
}

export class ClientGoneError extends Error {
  override readonly name = 'ClientGoneError';
}

/** Whether an error only says the client went away (reset, aborted request, closed socket). */
export function isClientGone(error: unknown): boolean {
  if (error instanceof ClientGoneError) return true;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE';
}

/** Bytes of request bodies held at once; a reservation that does not fit is refused. */
export class BodyBudget {
  readonly capacity: number;
  #used = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError(`capacity must be a non-negative integer, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  get used(): number {
    return this.#used;
  }

  tryTake(bytes: number): boolean {
    if (this.#used + bytes > this.capacity) return false;
    this.#used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.#used -= bytes;
  }
}

const NO_BODY = Buffer.alloc(0);

/** The body's declared length, or undefined when it is chunked (Node has checked the syntax). */
function declaredLength(req: IncomingMessage): number | undefined {
  const value = req.headers['content-length'];
  return value === undefined || req.headers['transfer-encoding'] !== undefined
    ? undefined
    : Number(value);
}

/** Refuses before reading when the declared length is over `limit` (the caller answers 413). */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  return (declaredLength(req) ?? 0) > limit;
}

/** Where the bytes of a body are accounted while held: until `res` closes, against `budget`. */
export interface BodyHold {
  res: ServerResponse;
  budget: BodyBudget;
}

/**
 * The body of `req`, at most `limit` bytes; rejects with BodyTooLargeError past it,
 * BodyBudgetExhaustedError when `hold`'s budget cannot take it, ClientGoneError when the client
 * goes away mid-body.
 */
export function readBody(req: IncomingMessage, limit: number, hold?: BodyHold): Promise<Buffer> {
  // Parsed to the end with nothing buffered (a request without a body): nothing to hold.
  if (req.complete && req.readableLength === 0) return Promise.resolve(NO_BODY);
  const declared = declaredLength(req);
  if (declared !== undefined && declared > limit) {
    return Promise.reject(new BodyTooLargeError());
  }
  const budget = hold?.budget ?? new BodyBudget(Number.MAX_SAFE_INTEGER);
  let reserved = 0;
  hold?.res.once('close', () => budget.give(reserved));
  if (declared !== undefined) {
    if (!budget.tryTake(declared)) return Promise.reject(new BodyBudgetExhaustedError());
    reserved = declared;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return stop(new BodyTooLargeError());
      if (size > reserved) {
        if (!budget.tryTake(size - reserved)) return stop(new BodyBudgetExhaustedError());
        reserved = size;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      req.off('close', onClose);
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onClose = () => stop(new ClientGoneError('the client went away mid-body'));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onClose);
    // The 'error' that accompanies an abort carries no more than 'close' does.
    req.on('error', () => undefined);
  });
}

/**
 * Before a refusal sent with `connection: close`: what the client still sends is neither held nor
 * read on, and the connection closes a moment after the answer went out.
 *
 * Left to itself, Node would either discard the rest of the body by reading it all (the client
 * decides how long, and each discarded chunk is garbage to collect), or, once the answer is out,
 * close the socket at once; closing with unread bytes sends a TCP reset, which can make the client
 * lose the answer it has not read yet. So the body stays paused (Node stops reading the socket
 * once the request's small buffer is full, and the client's writes stall), the server's side is
 * ended right after the answer, and the socket is destroyed `lingerMs` later.
 */
export function closeAfterRefusal(req: IncomingMessage, lingerMs = 1000): void {
  req.pause();
  // Marks the body as being consumed: Node then leaves it paused after the answer instead of
  // dumping (reading and discarding) the rest.
  req.read(0);
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), lingerMs).unref();
  };
}
