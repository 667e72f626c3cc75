import { HttpClient } from '@angular/common/http';
import { Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TimerClient } from 'ngx-cognito-gateway/timer';
import { map } from 'rxjs';
import { API_ORIGIN } from './api-origin';

/**
 * Calls the allowlisted Timer API (which the interceptor authorizes in the browser) and, as the
 * control, a public URL outside the allowlist (which Angular's transfer cache should hand over).
 */
@Component({
  selector: 'app-tasks-page',
  template: `
    <ul>
      @for (task of tasks(); track task.id) {
        <li class="task">{{ task.name }}</li>
      }
    </ul>
    <p class="notice">{{ notice() }}</p>
  `,
})
export class TasksPage {
  readonly tasks = toSignal(inject(TimerClient).list(), { initialValue: [] });
  readonly notice = toSignal(
    inject(HttpClient)
      .get<{ text: string }>(`${inject(API_ORIGIN)}/public/notice`)
      .pipe(map((notice) => notice.text)),
    { initialValue: '' },
  );
}
