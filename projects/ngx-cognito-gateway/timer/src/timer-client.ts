import { HttpClient } from '@angular/common/http';
import { inject, type Provider } from '@angular/core';
import { catchError, Observable, of, switchMap, throwError } from 'rxjs';
import { TIMER_CLIENT_CONFIG, type TimerClientConfig } from './config';
import { TimerValidationError } from './errors';
import type { Task, TaskDraft } from './models';
import { toTimerError } from './to-timer-error';
import { validateTaskDraft } from './validate-task-draft';

/**
 * The Timer API over HttpClient, so the auth interceptor adds the token. Errors are TimerApiError
 * subclasses; drafts that break the contract fail with TimerValidationError before any request.
 * Get it with `inject(TimerClient)` after `provideTimerClient` or `TimerClientModule.forRoot`.
 */
export class TimerClient {
  private readonly http = inject(HttpClient);
  private readonly tasks = `${inject(TIMER_CLIENT_CONFIG).baseUrl}/tasks`;

  list(): Observable<Task[]> {
    return this.call<Task[]>('GET');
  }

  get(id: string): Observable<Task> {
    return this.call<Task>('GET', id);
  }

  create(draft: TaskDraft): Observable<Task> {
    return this.call<Task>('POST', undefined, draft);
  }

  /** Replaces the task's fields; a Task from `get` can be passed as is (server-owned fields are dropped). */
  update(id: string, task: TaskDraft): Observable<Task> {
    // The legacy service answers 200 with no body: read the stored task back instead.
    return this.call<Task | null>('PUT', id, task).pipe(
      switchMap((t) => (t ? of(t) : this.get(id))),
    );
  }

  delete(id: string): Observable<void> {
    return this.call<void>('DELETE', id);
  }

  private call<T>(method: string, id?: string, draft?: TaskDraft): Observable<T> {
    let body: Record<string, unknown> | undefined;
    if (draft) {
      // The server rejects its own fields in a body; a client passing a fetched Task means no harm.
      body = { ...draft };
      for (const key of ['id', 'createdAt', 'updatedAt']) delete body[key];
      const errors = validateTaskDraft(body);
      if (errors.length) return throwError(() => new TimerValidationError(errors));
    }
    const url = id === undefined ? this.tasks : `${this.tasks}/${encodeURIComponent(id)}`;
    return this.http.request<T>(method, url, { body }).pipe(
      catchError((failure: unknown) => {
        throw toTimerError(failure);
      }),
    );
  }
}

/** Shared by provideTimerClient and TimerClientModule. A factory, not @Injectable, keeps the bundle small. */
export function timerClientProviders(config: TimerClientConfig): Provider[] {
  return [
    { provide: TIMER_CLIENT_CONFIG, useValue: { baseUrl: config.baseUrl.replace(/\/+$/, '') } },
    { provide: TimerClient, useFactory: () => new TimerClient() },
  ];
}
