import { HttpClient } from '@angular/common/http';
import { inject, type Provider } from '@angular/core';
import { catchError, Observable, of, switchMap, throwError } from 'rxjs';
import { TIMER_CLIENT_CONFIG, type TimerClientConfig } from './config';
import { TimerValidationError } from './errors';
import { TASK_SERVER_FIELDS, type Task, type TaskDraft } from './generated/timer-api';
import { toTimerError } from './to-timer-error';
import { validateTaskDraft, type TimerFieldError } from './validate-task-draft';

/**
 * The Timer API over HttpClient, so the auth interceptor adds the token. Errors are TimerApiError
 * subclasses. These fail with TimerValidationError before any request: a create/update whose draft
 * breaks the contract (or is missing), and an id that cannot be one URL path segment (field `id`:
 * not a string, '', '.', '..', or with a lone surrogate).
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

  list(): Observable<Task[]> {
    return this.call<Task[]>('GET', '');
  }

  get(id: string): Observable<Task> {
    return this.call<Task>('GET', segment(id));
  }

  create(draft: TaskDraft): Observable<Task> {
    return this.call<Task>('POST', '', draft);
  }

  /**
   * Replaces the task's fields. Pass the Task you read (from `get` or `list`), edited: its
   * server-owned fields are dropped from the body, and its `version` is sent as `If-Match`, so
   * the update fails with TimerPreconditionFailedError (412) instead of overwriting a change made
   * elsewhere since. A plain TaskDraft (no `version`) replaces unconditionally.
   */
  update(id: string, task: TaskDraft | Task): Observable<Task> {
    // The legacy service answers 200 with no body: read the stored task back instead.
    return this.call<Task | null>('PUT', segment(id), task, ifMatch(task)).pipe(
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
  ): Observable<T> {
    const errors: TimerFieldError[] =
      path === false ? [{ field: 'id', message: 'is not a valid id' }] : [];
    let body: Record<string, unknown> | undefined;
    // Whatever was passed, even nothing: a POST or PUT without a valid draft is never sent.
    if (method === 'POST' || method === 'PUT') {
      // The server rejects its own fields in a body; a client passing a fetched Task means no harm.
      errors.push(
        ...validateTaskDraft(draft).filter(
          (e) => !(TASK_SERVER_FIELDS as readonly string[]).includes(e.field),
        ),
      );
      body = { ...(draft as object) };
      for (const key of TASK_SERVER_FIELDS) delete body[key];
    }
    if (errors.length) return throwError(() => new TimerValidationError(errors));
    return this.http.request<T>(method, this.tasks + path, { body, headers }).pipe(
      catchError((failure: unknown) => {
        throw toTimerError(failure);
      }),
    );
  }
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
