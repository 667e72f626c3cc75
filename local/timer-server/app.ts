// The Timer API's HTTP surface (openapi/timer-api.yaml, paths).
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BodyTooLargeError,
  contentCoding,
  InvalidJsonError,
  isJsonMediaType,
  MAX_BODY_BYTES,
  readJsonBody,
} from './body.ts';
import { etagOf, ifMatchAllows, parseIfMatch } from './conditional.ts';
import type { Fence } from './fence.ts';
import { problems, send, sendProblem, type Problem } from './problem.ts';
import type { TimerSchemas } from './schema.ts';
import { LIMIT_REACHED, STALE, type Task, type TaskDraft, type TaskStore } from './store.ts';

export type Route = { kind: 'collection' } | { kind: 'item'; id: string } | { kind: 'none' };

/** Pure: which resource a request path names. */
export function route(url: string): Route {
  const path = url.split('?')[0] ?? '';
  if (path === '/tasks') return { kind: 'collection' };
  const match = /^\/tasks\/([^/]+)$/.exec(path);
  if (!match?.[1]) return { kind: 'none' };
  try {
    return { kind: 'item', id: decodeURIComponent(match[1]) };
  } catch {
    return { kind: 'none' };
  }
}

const ALLOW = { collection: 'GET, HEAD, POST', item: 'GET, HEAD, PUT, DELETE' };

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

/** `If-Match`, parsed; undefined when absent; false (after answering 400) when malformed. */
function conditionOf(req: IncomingMessage, res: ServerResponse) {
  const header = req.headers['if-match'];
  if (header === undefined) return undefined;
  const condition = parseIfMatch(header);
  if (condition) return condition;
  sendProblem(res, problems.badRequest('If-Match must be * or a list of entity tags from ETag'));
  return false;
}

const sendTask = (res: ServerResponse, status: number, task: Task, headers = {}) =>
  send(res, status, task, { ...headers, etag: etagOf(task.version) });

const changedElsewhere = (task: Task) =>
  problems.preconditionFailed(
    `The task has changed since it was read (it is now version ${task.version}): read it again`,
  );

/**
 * The HTTP surface over the store. `fence` decides who calls before anything else is looked at
 * (deny by default: without an owner nothing is routed, read or parsed), and every store call is
 * scoped to that owner.
 */
export function createTimerApp(store: TaskStore, schemas: TimerSchemas, fence: Fence) {
  async function draftFrom(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<TaskDraft | undefined> {
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
      // Not reading a body we refuse: close the connection instead of draining it.
      sendProblem(res, problems.tooLarge(MAX_BODY_BYTES), { connection: 'close' });
      return undefined;
    }
    if (!isJsonMediaType(req.headers['content-type'])) {
      sendProblem(res, problems.unsupportedMediaType(req.headers['content-type']), {
        connection: 'close',
      });
      return undefined;
    }
    const coding = contentCoding(req.headers['content-encoding']);
    if (coding) {
      // Accept-Encoding on a 415 tells the client it is the coding, not the media type, that was
      // refused (RFC 9110 §12.5.3).
      sendProblem(res, problems.unsupportedEncoding(coding), {
        'accept-encoding': 'identity',
        connection: 'close',
      });
      return undefined;
    }
    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendProblem(res, problems.tooLarge(MAX_BODY_BYTES), { connection: 'close' });
      } else if (error instanceof InvalidJsonError) {
        sendProblem(res, problems.invalidJson(error.message));
      } else {
        throw error;
      }
      return undefined;
    }
    const errors = schemas.validateDraft(body);
    if (errors.length > 0) {
      sendProblem(res, problems.validation(errors));
      return undefined;
    }
    return body as TaskDraft;
  }

  const notFound = (id: string) => problems.notFound(`No task with id ${JSON.stringify(id)}`);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const badHost = hostProblem(req);
    if (badHost) return sendProblem(res, badHost, { connection: 'close' });
    const admission = await fence(req);
    if (!admission.ok) {
      // Not reading the body of a caller we refuse: close the connection instead of draining it.
      const hasBody = req.headers['transfer-encoding'] !== undefined || hasContent(req);
      const close: Record<string, string> = hasBody ? { connection: 'close' } : {};
      return sendProblem(res, admission.problem, { ...admission.headers, ...close });
    }
    const { owner } = admission;
    const target = route(req.url ?? '/');
    // HEAD is GET without the body, wherever GET is supported (RFC 9110 §9.3.2); Node leaves the
    // body out of a HEAD response and keeps the headers, Content-Length included.
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    if (target.kind === 'none') {
      sendProblem(res, problems.notFound(`No resource at ${req.url ?? ''}`));
      return;
    }
    if (target.kind === 'collection') {
      if (method === 'GET') return send(res, 200, store.list(owner));
      if (method === 'POST') {
        const draft = await draftFrom(req, res);
        if (!draft) return;
        const task = store.create(owner, draft);
        if (task === LIMIT_REACHED) {
          return sendProblem(res, problems.taskLimit(store.maxTasksPerOwner));
        }
        return sendTask(res, 201, task, { location: `/tasks/${encodeURIComponent(task.id)}` });
      }
      return notAllowed(res, method, ALLOW.collection);
    }
    const { id } = target;
    if (method === 'GET') {
      const task = store.get(owner, id);
      return task ? sendTask(res, 200, task) : sendProblem(res, notFound(id));
    }
    if (method !== 'PUT' && method !== 'DELETE') return notAllowed(res, method, ALLOW.item);
    const condition = conditionOf(req, res);
    if (condition === false) return;
    const draft = method === 'PUT' ? await draftFrom(req, res) : undefined;
    if (method === 'PUT' && !draft) return;
    // From here on synchronous: no other request runs between the check and the write.
    // A missing task is 404 whatever If-Match says (RFC 9110 §13.2.1: preconditions are ignored
    // when the answer without them would not be 2xx).
    const current = store.get(owner, id);
    if (!current) return sendProblem(res, notFound(id));
    if (condition && !ifMatchAllows(condition, current.version)) {
      return sendProblem(res, changedElsewhere(current));
    }
    if (draft) {
      const task = store.update(owner, id, draft, current.version);
      if (task === STALE || !task) return sendProblem(res, changedElsewhere(current));
      return sendTask(res, 200, task);
    }
    if (store.delete(owner, id, current.version) !== true) {
      return sendProblem(res, changedElsewhere(current));
    }
    res.writeHead(204, { 'cache-control': 'no-store' }).end();
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      // The client went away (or Node's request timeout cut it off): nobody to answer.
      if ((error as { code?: string }).code === 'ECONNRESET') return void res.destroy();
      console.error('timer-server: request failed', error);
      if (!res.headersSent) sendProblem(res, problems.internal());
      else res.destroy();
    });
  };
}

function hasContent(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

function notAllowed(res: ServerResponse, method: string, allow: string): void {
  sendProblem(res, problems.methodNotAllowed(`${method} is not supported here`), { allow });
}
