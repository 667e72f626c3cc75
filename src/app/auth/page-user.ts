import type { HttpInterceptorFn } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import { NEVER } from 'rxjs';
import { stringClaim } from './jwt-claim';

/** Starts the page again, hidden at once, so nothing of what it showed stays on screen meanwhile. */
export const RELOAD_PAGE = new InjectionToken<() => void>('RELOAD_PAGE', {
  providedIn: 'root',
  factory: () => () => {
    document.documentElement.hidden = true;
    location.reload();
  },
});

/**
 * The one user whose data this page load shows. Pages hold the data of whoever was signed in when
 * they loaded it (and Ionic keeps pages alive in its stack), so when another user signs in, here
 * or in another tab, the page starts again rather than show two users' data on one screen: the
 * first session seen decides, a session of anyone else reloads the page.
 */
@Injectable({ providedIn: 'root' })
export class PageUser {
  private readonly reload = inject(RELOAD_PAGE);
  private sub: string | undefined;
  private reloading = false;

  /**
   * Whether this page may show data for the session of `accessToken` (none: signed out, nothing
   * to show). For another user than the page's: no, and the page reloads.
   */
  accepts(accessToken: string | undefined): boolean {
    const sub = stringClaim(accessToken, 'sub') ?? undefined;
    if (sub !== undefined) this.sub ??= sub;
    if (sub !== this.sub && sub !== undefined && !this.reloading) {
      this.reloading = true;
      this.reload();
    }
    return !this.reloading;
  }
}

/**
 * After the library's interceptor: a request that carries another user's token than the one this
 * page shows is not sent; the page reloads instead (its answer would land among the other user's
 * data).
 */
export const pageUserInterceptor: HttpInterceptorFn = (req, next) => {
  const token = req.headers.get('Authorization')?.replace(/^Bearer /, '');
  return inject(PageUser).accepts(token) ? next(req) : NEVER;
};
