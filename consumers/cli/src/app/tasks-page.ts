import { HttpClient } from '@angular/common/http';
import { Component, afterNextRender, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import { API_ORIGIN } from './app.config';

interface Seen {
  readonly seen: string;
}

/**
 * Calls a relative and an absolute allowlisted URL (the interceptor authorizes both in the
 * browser), a public URL while rendering (whose answer the transfer cache should hand over), and
 * a public URL in the browser only (which must go without the token).
 */
@Component({
  selector: 'app-tasks',
  template: `
    <p class="relative">{{ relative() }}</p>
    <p class="absolute">{{ absolute() }}</p>
    <p class="notice">{{ notice() }}</p>
  `,
})
export class TasksPage {
  private readonly http = inject(HttpClient);
  private readonly api = inject(API_ORIGIN);
  private readonly seen = (url: string) =>
    toSignal(this.http.get<Seen>(url).pipe(map((answer) => answer.seen)), { initialValue: '' });
  readonly relative = this.seen('/api/tasks');
  readonly absolute = this.seen(`${this.api}/v1/notes`);
  readonly notice = this.seen(`${this.api}/public/notice`);

  constructor() {
    afterNextRender(() => this.http.get(`${this.api}/public/ping`).subscribe());
  }
}
