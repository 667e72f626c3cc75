// GET /tasks one page at a time (openapi/timer-api.yaml, listTasks): `limit` and `cursor` from the
// query, the page from the store, and RFC 8288's `Link: <…>; rel="next"` while more remain. The body
// stays a plain array, so a client that ignores Link gets the first page.
import { TASK_PAGE_LIMIT } from '../../../projects/ngx-cognito-gateway/timer/src/generated/timer-api.ts';
import { openCursor, sealCursor, type CursorKeys } from './cursor.ts';
import { jsonResponse, problemResponse, problems, type TimerResponse } from './problem.ts';
import type { Task, TaskStore } from './task-store.ts';

/**
 * Most bytes of a page's body. The contract's limits keep 100 tasks far below it
 * (openapi/limits.test.ts); the bound also holds for tasks stored before those limits existed, so
 * no page can pass Lambda's 6 MB response quota whatever is stored.
 */
export const MAX_PAGE_BYTES = 1_000_000;

type PageRequest = { limit: number; cursor?: string };

/** `limit` and `cursor` from the request target's query, or the 400 refusing them. */
export function pageRequest(url: string): PageRequest | TimerResponse {
  const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const limits = query.getAll('limit');
  const cursors = query.getAll('cursor');
  if (limits.length > 1 || cursors.length > 1) {
    return problemResponse(problems.badRequest('Give limit and cursor at most once each'));
  }
  const { minimum, maximum, default: fallback } = TASK_PAGE_LIMIT;
  const text = limits[0];
  const limit = text === undefined ? fallback : /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(limit >= minimum && limit <= maximum)) {
    return problemResponse(
      problems.badRequest(`limit must be an integer from ${minimum} to ${maximum}`),
    );
  }
  return cursors[0] === undefined ? { limit } : { limit, cursor: cursors[0] };
}

const badCursor = () =>
  problemResponse(
    problems.badRequest(
      "The cursor is not one this API gave you (altered, another user's, or too old): list again from the first page",
    ),
  );

/** One page of the owner's tasks as the API answers it. */
export async function listPage(
  store: TaskStore,
  keys: CursorKeys,
  owner: string,
  { limit, cursor }: PageRequest,
): Promise<TimerResponse> {
  let after: string | undefined;
  if (cursor !== undefined) {
    after = openCursor(await keys(), owner, cursor);
    if (after === undefined) return badCursor();
  }
  const page = await store.listPage(owner, { limit, after });
  if (!page) return badCursor();
  const tasks: Task[] = [];
  let bytes = 2; // []
  let last: string | undefined;
  for (const { task, position } of page.items) {
    const size = Buffer.byteLength(JSON.stringify(task)) + (tasks.length > 0 ? 1 : 0);
    if (tasks.length > 0 && bytes + size > MAX_PAGE_BYTES) break;
    tasks.push(task);
    bytes += size;
    last = position;
  }
  const more = page.more || tasks.length < page.items.length;
  if (!more || last === undefined) return jsonResponse(200, tasks);
  const next = sealCursor(await keys(), owner, last);
  return jsonResponse(200, tasks, { link: `</tasks?limit=${limit}&cursor=${next}>; rel="next"` });
}
