import { HttpClient, type HttpResponse } from '@angular/common/http';
import { inject, type Provider } from '@angular/core';
import {
  catchError,
  EMPTY,
  expand,
  map,
  Observable,
  of,
  reduce,
  switchMap,
  throwError,
  type OperatorFunction,
} from 'rxjs';
import { TIMER_CLIENT_CONFIG, type TimerClientConfig } from './config';
import { TimerValidationError } from './errors';
import {
  TASK_PAGE_LIMIT,
  TASK_SERVER_FIELDS,
  type Task,
  type TaskDraft,
} from './generated/timer-api';
import { nextCursor } from './next-cursor';
import { toTimerError } from './to-timer-error';
import { validateTaskDraft, type TimerFieldError } from './validate-task-draft';

/**
 * One page of `TimerClient.listPage`: the tasks, oldest first, and the cursor of the page after
 * (undefined on the last page).
 *
 * @example
 * import { inject } from '@angular/core';
 * import { TimerClient, type TaskPage } from 'ngx-cognito-gateway/timer';
 *
 * export class TasksPage {
 *   private readonly timer = inject(TimerClient);
 *   page: TaskPage = { tasks: [] };
 *
 *   more() {
 *     this.timer.listPage({ limit: 20, cursor: this.page.next }).subscribe((page) => {
 *       this.page = { tasks: [...this.page.tasks, ...page.tasks], next: page.next };
 *     });
 *   }
 * }
 */
export interface TaskPage {
  /** This page's tasks, oldest first. */
  readonly tasks: Task[];
  /** Pass it as `cursor` for the next page; undefined when this page is the last. */
  readonly next?: string;
}

/**
 * The Timer API over HttpClient, so the auth interceptor adds the token. Every error is a
 * TimerApiError subclass. These fail with TimerValidationError before any request: a
 * create/update whose draft breaks the contract (or is missing), an update of a task without its
 * `version`, a page `limit` outside 1–100, and an id that cannot be one URL path segment (field
 * `id`: not a string, '', '.', '..', or with a lone surrogate).
 * Get it with `inject(TimerClient)` after `provideTimerClient` or `TimerClientModule.forRoot`.
 *
 * @example
 * import { Component, inject, signal } from '@angular/core';
 * import { TimerClient, type Task } from 'ngx-cognito-gateway/timer';
 *
 * @Component({
 *   selector: 'app-tasks',
 *   template: `@for (task of tasks(); track task.id) { <p>{{ task.name }}</p> }`,
 * })
 * export class TasksPage {
 *   private readonly timer = inject(TimerClient);
 *   readonly tasks = signal<Task[]>([]);
 *
 *   constructor() {
 *     this.timer.list().subscribe((tasks) => this.tasks.set(tasks));
 *   }
 *
 *   rename(task: Task, name: string) {
 *     // The Task as read: its version goes out as If-Match, so a change made elsewhere is not lost.
 *     this.timer.update(task.id, { ...task, name }).subscribe((saved) =>
 *       this.tasks.update((all) => all.map((t) => (t.id === saved.id ? saved : t))),
 *     );
 *   }
 * }
 */
export class TimerClient {
  private readonly http = inject(HttpClient);
  private readonly tasks = `${inject(TIMER_CLIENT_CONFIG).baseUrl}/tasks`;

  /**
   * Every task of the user, oldest first: follows each page's next link (100 tasks per request)
   * and emits them all once the last page is in. For a long list shown as the user scrolls, use
   * `listPage`. The API must expose `Link` to the browser (CORS), or only the first page is seen.
   */
  list(): Observable<Task[]> {
    const limit = TASK_PAGE_LIMIT.maximum;
    return this.listPage({ limit }).pipe(
      // A cursor that came before would loop: a server that repeats one ends the list there.
      expand((page, i) =>
        page.next && i < 10_000 ? this.listPage({ limit, cursor: page.next }) : EMPTY,
      ),
      reduce((all, page) => all.concat(page.tasks), [] as Task[]),
    );
  }

  /**
   * One page of the user's tasks, oldest first: `limit` tasks (1–100, 100 when absent) from
   * `cursor` (the `next` of the page before; none for the first page). A cursor is only good for
   * the user it was given to, and a server may forget it (restarted, keys rotated): then the call
   * fails with TimerValidationError (400), and listing starts again from the first page.
   */
  listPage(page: { readonly limit?: number; readonly cursor?: string } = {}): Observable<TaskPage> {
    const { minimum, maximum } = TASK_PAGE_LIMIT;
    const { limit, cursor } = page;
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= minimum && limit <= maximum)) {
      const message = `must be an integer from ${minimum} to ${maximum}`;
      return throwError(() => new TimerValidationError([{ field: 'limit', message }]));
    }
    const params = {
      ...(limit === undefined ? {} : { limit }),
      ...(cursor === undefined ? {} : { cursor }),
    };
    return this.http.get<Task[]>(this.tasks, { params, observe: 'response' }).pipe(
      map((response: HttpResponse<Task[]>) => {
        const next = nextCursor(response.headers.get('link'), response.url ?? this.tasks);
        const tasks = response.body ?? [];
        return next === undefined ? { tasks } : { tasks, next };
      }),
      timerErrors(),
    );
  }

  get(id: string): Observable<Task> {
    return this.call<Task>('GET', segment(id));
  }

  create(draft: TaskDraft): Observable<Task> {
    return this.call<Task>('POST', '', draft);
  }

  /**
   * Replaces the task's fields, only at the version read. Pass the Task you read (from `get` or a
   * list), edited: its server-owned fields are dropped from the body, and its `version` is sent as
   * `If-Match`, so the update fails with TimerPreconditionFailedError (412) instead of overwriting
   * a change made elsewhere since. Without a `version` nothing is sent: TimerValidationError
   * (field `version`), as the API refuses a replacement without If-Match (428).
   * `{ ifMatch: '*' }` replaces whatever version is stored: only for a backend whose tasks have no
   * version (the legacy Timer Service), never to get past a 412.
   */
  update(
    id: string,
    task: TaskDraft & { readonly version?: number },
    options: { readonly ifMatch?: '*' } = {},
  ): Observable<Task> {
    const condition = options.ifMatch === '*' ? { 'if-match': '*' } : ifMatch(task);
    const isObject = typeof task === 'object' && task !== null && !Array.isArray(task);
    const unversioned: TimerFieldError[] =
      isObject && !condition['if-match']
        ? [
            {
              field: 'version',
              message: 'is required: pass the task as read, its version is sent as If-Match',
            },
          ]
        : [];
    // The legacy service answers 200 with no body: read the stored task back instead.
    return this.call<Task | null>('PUT', segment(id), task, condition, unversioned).pipe(
      switchMap((t) => (t ? of(t) : this.get(id))),
    );
  }

  /**
   * Deletes a task. With the Task you read as `expected`, only while it is unchanged: otherwise
   * TimerPreconditionFailedError (412) and nothing is deleted.
   */
  delete(id: string, expected?: Pick<Task, 'version'>): Observable<void> {
    return this.call<void>('DELETE', segment(id), undefined, ifMatch(expected));
  }

  /** `path`: '' for the collection, `/{id}` for a task, false for an id no URL can carry. */
  private call<T>(
    method: string,
    path: string | false,
    draft?: unknown,
    headers: Record<string, string> = {},
    more: readonly TimerFieldError[] = [],
  ): Observable<T> {
    const errors: TimerFieldError[] =
      path === false ? [{ field: 'id', message: 'is not a valid id' }] : [];
    let body: unknown;
    // Whatever was passed, even nothing: a POST or PUT without a valid draft is never sent.
    if (method === 'POST' || method === 'PUT') {
      // The server rejects its own fields in a body; a client passing a fetched Task means no
      // harm, so they are dropped before the draft is judged.
      body = draft;
      if (typeof draft === 'object' && draft !== null && !Array.isArray(draft)) {
        const own: Record<string, unknown> = { ...draft };
        for (const key of TASK_SERVER_FIELDS) delete own[key];
        body = own;
      }
      errors.push(...validateTaskDraft(body));
    }
    errors.push(...more);
    if (errors.length) return throwError(() => new TimerValidationError(errors));
    return this.http.request<T>(method, this.tasks + path, { body, headers }).pipe(timerErrors());
  }
}

/** Every failure of a call as a TimerApiError (to-timer-error.ts). */
function timerErrors<T>(): OperatorFunction<T, T> {
  return catchError((failure: unknown) => throwError(() => toTimerError(failure)));
}

/** `If-Match: "<version>"` (the API's ETag) for a task that carries a version, else nothing. */
function ifMatch(task: unknown): Record<string, string> {
  const version = (task as Partial<Task> | undefined)?.version;
  return Number.isInteger(version) ? { 'if-match': `"${version}"` } : {};
}

/**
 * The id as one percent-encoded path segment, or false for an id that cannot be one: '', '.' and
 * '..' are turned into other resources by URL resolution (`tasks/..` is the API root, RFC 3986
 * §5.2.4), and a lone surrogate (\p{Cs}) has no UTF-8 to percent-encode.
 */
function segment(id: unknown): string | false {
  return typeof id === 'string' && !/^\.{0,2}$|\p{Cs}/u.test(id) && `/${encodeURIComponent(id)}`;
}

/** Shared by provideTimerClient and TimerClientModule. A factory, not @Injectable, keeps the bundle small. */
export function timerClientProviders(config: TimerClientConfig): Provider[] {
  return [
    { provide: TIMER_CLIENT_CONFIG, useValue: { baseUrl: config.baseUrl.replace(/\/+$/, '') } },
    { provide: TimerClient, useFactory: () => new TimerClient() },
  ];
}
