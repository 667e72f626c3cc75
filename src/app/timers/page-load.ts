import { signal } from '@angular/core';
import { firstValueFrom, isObservable, type Observable } from 'rxjs';
import { reportError, type DescribedError } from './describe-error';

/**
 * What a timer page shows of one read from the Timer API: the value, the failure in words for
 * the error banner, and whether a call is under way. The first read starts on construction.
 *
 * A reload keeps the value on screen, also when it fails: the banner says what went wrong above
 * what the person last saw, instead of blanking the page. Not Angular's `resource()`, which hides
 * its value while in error and reports the error as read, with no place to log it once.
 */
export class PageLoad<T> {
  readonly value = signal<T | null>(null);
  readonly error = signal<DescribedError | null>(null);
  readonly busy = signal(false);
  private entered = false;

  /** `read` answers with the API call, or with a value already at hand (no call, never busy). */
  constructor(private readonly read: () => Observable<T> | T) {
    void this.load();
  }

  async load(): Promise<void> {
    const source = this.read();
    if (!isObservable(source)) return this.show(source);
    await this.run(async () => this.show(await firstValueFrom(source)));
  }

  /**
   * Ionic keeps pages alive in its stack: coming back (from a form, or after signing in again)
   * reloads. The page calls this from its `ionViewWillEnter`, which Ionic calls on the first
   * entry too, right after the read that construction started.
   */
  viewWillEnter(): void {
    if (this.entered) void this.load();
    this.entered = true;
  }

  /** Runs one call with the page busy; its failure becomes the page's error. */
  async run(call: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    try {
      await call();
    } catch (e) {
      this.error.set(reportError(e));
    } finally {
      this.busy.set(false);
    }
  }

  private show(value: T): void {
    this.value.set(value);
    this.error.set(null);
  }
}
