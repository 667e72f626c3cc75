// The Timer API's rules, whatever carries the request (openapi/timer-api.yaml, paths): routing,
// methods, body checks and validation, If-Match, the per-owner limit and the one error model.
// Two transports call it with an owner they have already established: the Lambda (../event.ts: API
// Gateway's payload 2.0 event, the owner from the claims its JWT authorizer verified) and the
// local reference server (local/timer-server/app.ts: node:http, the token verified by
// authenticate.ts).
// Only storage (TaskStore) and transport differ between the two backends. This folder imports
// nothing from the local stack, so the Lambda bundle stands on its own.
import {
  BodyTooLargeError,
  contentCoding,
  InvalidJsonError,
  isJsonMediaType,
  MAX_BODY_BYTES,
  parseJsonBody,
} from './body.ts';
import { etagOf, ifMatchAllows, parseIfMatch, type IfMatch } from './conditional.ts';
import { fixedCursorKeys, type CursorKeys } from './cursor.ts';
import { listPage, pageRequest } from './paging.ts';
import { jsonResponse, problemResponse, problems, type TimerResponse } from './problem.ts';
import type { TimerSchemas } from './schema.ts';
import { LIMIT_REACHED, STALE, type Task, type TaskDraft, type TaskStore } from './task-store.ts';

export type Route = { kind: 'collection' } | { kind: 'item'; id: string } | { kind: 'none' };

/** Pure: which resource a request target (path, maybe a query) names. */
export function route(url: string): Route {
  const path = url.split('?')[0] ?? '';
  if (path === '/tasks') return { kind: 'collection' };
  const match = /^\/tasks\/([^/]+)$/.exec(path);
  if (!match?.[1]) return { kind: 'none' };
  try {
    return { kind: 'item', id: decodeURIComponent(match[1]) };
  } catch {
    // Not UTF-8 once decoded: an id no task can have, answered like any other (TaskId).
    return { kind: 'item', id: '' };
  }
}

/** A request as the core sees it, from either transport. */
export interface TimerRequest {
  /** Upper case, as sent. */
  readonly method: string;
  /** The request target: path, and the query if any. */
  readonly url: string;
  /** A header's value (repeated ones joined with commas), by lower-case name. */
  header(name: string): string | undefined;
  /** The body's bytes; rejects with BodyTooLargeError past `limit`. Called at most once. */
  readBody(limit: number): Promise<Uint8Array>;
}

export type TimerHandler = (owner: string, request: TimerRequest) => Promise<TimerResponse>;

const ALLOW = { collection: 'GET, HEAD, POST', item: 'GET, HEAD, PUT, DELETE' };

const taskResponse = (status: number, task: Task, headers: Record<string, string> = {}) =>
  jsonResponse(status, task, { ...headers, etag: etagOf(task.version) });

const changedElsewhere = (task: Task) =>
  problemResponse(
    problems.preconditionFailed(
      `The task has changed since it was read (it is now version ${task.version}): read it again`,
    ),
  );

// The same answer for an id nobody has, another user's, and one no task can have (TaskId).
const NOT_FOUND = problemResponse(problems.notFound('No task with this id'));
const notFound = () => NOT_FOUND;

const notAllowed = (method: string, allow: string) =>
  problemResponse(problems.methodNotAllowed(`${method} is not supported here`), { allow });

const NO_CONTENT: TimerResponse = {
  status: 204,
  headers: { 'cache-control': 'no-store' },
  body: '',
};

/**
 * The draft in the body, or the answer refusing it. Cost is bounded before any parsing: at most
 * MAX_BODY_BYTES are read, and the schema only sees bodies that passed the shape limits
 * (schema.ts).
 */
async function draftFrom(
  req: TimerRequest,
  schemas: TimerSchemas,
): Promise<TaskDraft | TimerResponse> {
  if (Number(req.header('content-length')) > MAX_BODY_BYTES) {
    return problemResponse(problems.tooLarge(MAX_BODY_BYTES));
  }
  const contentType = req.header('content-type');
  if (!isJsonMediaType(contentType)) {
    return problemResponse(problems.unsupportedMediaType(contentType));
  }
  const coding = contentCoding(req.header('content-encoding'));
  if (coding) {
    // Accept-Encoding on a 415 tells the client it is the coding, not the media type, that was
    // refused (RFC 9110 §12.5.3).
    return problemResponse(problems.unsupportedEncoding(coding), {
      'accept-encoding': 'identity',
    });
  }
  let body: unknown;
  try {
    body = parseJsonBody(await req.readBody(MAX_BODY_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return problemResponse(problems.tooLarge(MAX_BODY_BYTES));
    }
    if (error instanceof InvalidJsonError) {
      return problemResponse(problems.invalidJson(error.message));
    }
    throw error;
  }
  const errors = schemas.validateDraft(body);
  if (errors.length > 0) return problemResponse(problems.validation(errors));
  return body as TaskDraft;
}

/**
 * `If-Match`, parsed; undefined when absent; a 400 answer when malformed. A PUT without it is
 * refused (428, RFC 6585 §3): a replacement is only made at the version its sender read.
 */
function conditionOf(req: TimerRequest, method: string): IfMatch | undefined | TimerResponse {
  const header = req.header('if-match');
  if (header === undefined) {
    return method === 'PUT' ? problemResponse(problems.preconditionRequired()) : undefined;
  }
  return (
    parseIfMatch(header) ??
    problemResponse(problems.badRequest('If-Match must be * or a list of entity tags from ETag'))
  );
}

const isResponse = (value: unknown): value is TimerResponse =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

export interface TimerHandlerOptions {
  /** The keys page cursors are sealed with; default one random key for this process. */
  cursorKeys?: CursorKeys;
}

/**
 * The API over a store. The caller has decided who `owner` is (deny by default: no transport
 * calls this without one; core/owner.ts says which `sub` can be one), and every store call is
 * scoped to that owner.
 */
export function createTimerHandler(
  store: TaskStore,
  schemas: TimerSchemas,
  options: TimerHandlerOptions = {},
): TimerHandler {
  const cursorKeys = options.cursorKeys ?? fixedCursorKeys();

  async function collection(owner: string, method: string, req: TimerRequest) {
    if (method === 'GET') {
      const page = pageRequest(req.url);
      return isResponse(page) ? page : listPage(store, cursorKeys, owner, page);
    }
    if (method !== 'POST') return notAllowed(method, ALLOW.collection);
    const draft = await draftFrom(req, schemas);
    if (isResponse(draft)) return draft;
    const task = await store.create(owner, draft);
    if (task === LIMIT_REACHED) {
      return problemResponse(problems.taskLimit(store.maxTasksPerOwner));
    }
    return taskResponse(201, task, { location: `/tasks/${encodeURIComponent(task.id)}` });
  }

  async function item(owner: string, id: string, method: string, req: TimerRequest) {
    const known = ['GET', 'PUT', 'DELETE'].includes(method);
    if (!known) return notAllowed(method, ALLOW.item);
    // An id no task can have (TaskId: its alphabet and length, so within every store's key
    // limits) is answered like a missing one, before any store sees it.
    if (method === 'GET') {
      const task = schemas.isTaskId(id) ? await store.get(owner, id) : undefined;
      return task ? taskResponse(200, task) : notFound();
    }
    const condition = conditionOf(req, method);
    if (isResponse(condition)) return condition;
    const draft = method === 'PUT' ? await draftFrom(req, schemas) : undefined;
    if (isResponse(draft)) return draft;
    // A missing task is 404 whatever If-Match says (RFC 9110 §13.2.1: preconditions are ignored
    // when the answer without them would not be 2xx).
    const current = schemas.isTaskId(id) ? await store.get(owner, id) : undefined;
    if (!current) return notFound();
    if (condition && !ifMatchAllows(condition, current.version)) return changedElsewhere(current);
    // With a condition, the write happens only at the version just checked, atomically in the
    // store, so a change landing between the read and the write is a 412, never a lost update.
    const expected = condition ? current.version : undefined;
    if (draft) {
      const task = await store.update(owner, id, draft, expected);
      if (task === STALE) return changedElsewhere(current);
      return task ? taskResponse(200, task) : notFound();
    }
    const deleted = await store.delete(owner, id, expected);
    if (deleted === STALE) return changedElsewhere(current);
    return deleted ? NO_CONTENT : notFound();
  }

  return async (owner, req) => {
    const target = route(req.url);
    // HEAD is GET without the body, wherever GET is supported (RFC 9110 §9.3.2); each transport
    // leaves the body out and keeps the headers.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (target.kind === 'none')
      return problemResponse(problems.notFound('No resource at this path'));
    if (target.kind === 'collection') return collection(owner, method, req);
    return item(owner, target.id, method, req);
  };
}
