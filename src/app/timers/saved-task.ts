import { Injectable } from '@angular/core';
import type { Task } from 'ngx-cognito-gateway/timer';

/**
 * The task a save just returned, handed to the details page it opens, so that page shows the
 * server's answer instead of asking for the same task again.
 */
@Injectable({ providedIn: 'root' })
export class SavedTask {
  private task: Task | null = null;

  remember(task: Task): void {
    this.task = task;
  }

  /** The remembered task if it is the one asked for; either way it is forgotten. */
  recall(id: string): Task | null {
    const task = this.task;
    this.task = null;
    return task?.id === id ? task : null;
  }
}
