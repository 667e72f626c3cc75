import { DestroyRef, Injectable, PLATFORM_ID, inject } from '@angular/core';
import {
  ActivatedRouteSnapshot,
  CanActivateChildFn,
  CanActivateFn,
  CanMatchFn,
  Router,
  RouterStateSnapshot,
  UrlSegment,
} from '@angular/router';
import { CognitoAuthState } from './auth-state';
import { COGNITO_SIGN_IN_URL, isSignInUrl, signInTree } from './sign-in-url';
import { CognitoTokenSource } from './token-source';

/**
 * Lets signed-in users through; sends signed-out users to the sign-in page (`/sign-in`, or the
 * `signInUrl` of `withSignInRedirect`) with `?returnUrl=<where they were going>`, as a `UrlTree`
 * so the router redirects in one navigation. Reads the session afresh on every check
 * (`CognitoAuthState.check()`). Works as `canActivate`, `canActivateChild` and `canMatch`.
 *
 * On the server it answers `true` at once, without asking anything: the session lives in the
 * browser, so the server cannot tell, and Angular's server rendering answers 404 for a navigation
 * a guard refuses, and a redirect to sign-in would send signed-in users there too. The server so
 * renders the page as it would for anyone (without a token, see the interceptor), and the browser
 * checks again when it boots and redirects a signed-out user then. Routes that need a user are
 * best not rendered on the server at all: `renderMode: RenderMode.Client` in
 * `app.routes.server.ts`.
 *
 * Signing out in another tab of the app is noticed at once: a tab showing a page this guard
 * protects goes to the sign-in page, with `?returnUrl=<that page>&reason=signed-out`.
 *
 * @example
 * import type { Routes } from '@angular/router';
 * import { cognitoAuthGuard } from 'ngx-cognito-gateway';
 *
 * export const routes: Routes = [
 *   { path: 'sign-in', component: SignInPage },
 *   { path: 'account', canActivate: [cognitoAuthGuard], component: AccountPage },
 *   { path: 'admin', canMatch: [cognitoAuthGuard], loadChildren: () => adminRoutes },
 * ];
 */
export const cognitoAuthGuard: CanActivateFn & CanActivateChildFn & CanMatchFn = (
  _route: unknown,
  target: RouterStateSnapshot | UrlSegment[],
) => {
  if (inject(PLATFORM_ID) === 'server') return true;
  inject(SignedOutElsewhere); // from the first guarded page on
  const router = inject(Router);
  const signInUrl = inject(COGNITO_SIGN_IN_URL);
  // canMatch runs before the router state exists: the URL is the navigation's.
  const returnUrl = Array.isArray(target)
    ? router.serializeUrl(router.currentNavigation()?.extractedUrl ?? router.parseUrl('/'))
    : target.url;
  return inject(CognitoAuthState)
    .check()
    .then((signedIn) => signedIn || signInTree(router, signInUrl, returnUrl));
};

/**
 * Sends a tab on a page `cognitoAuthGuard` protects to sign-in when the session ends in another
 * tab. Only other tabs' changes: a sign-out in this tab is the app's own, and it navigates as it
 * wishes (as `withSignInRedirect` does after an auth failure).
 */
@Injectable({ providedIn: 'root' })
class SignedOutElsewhere {
  private readonly router = inject(Router);
  private readonly auth = inject(CognitoAuthState);
  private readonly signInUrl = inject(COGNITO_SIGN_IN_URL);
  /** A change came in while a check was under way: check again after it. */
  private again = false;
  private checking = false;

  constructor() {
    const stop = inject(CognitoTokenSource).onTokensChanged((change) => {
      if (change?.inAnotherTab) void this.check();
    });
    inject(DestroyRef).onDestroy(stop);
  }

  private async check(): Promise<void> {
    this.again = true;
    if (this.checking) return;
    this.checking = true;
    try {
      while (this.again) {
        this.again = false;
        if ((await this.auth.check()) || !this.onGuardedPage()) continue;
        const returnUrl = this.router.url;
        const tree = signInTree(this.router, this.signInUrl, returnUrl, { reason: 'signed-out' });
        await this.router.navigateByUrl(tree);
      }
    } finally {
      this.checking = false;
    }
  }

  private onGuardedPage(): boolean {
    if (isSignInUrl(this.router.url, this.signInUrl)) return false;
    let route: ActivatedRouteSnapshot | null = this.router.routerState.snapshot.root;
    for (; route; route = route.firstChild) {
      const { canActivate, canActivateChild, canMatch } = route.routeConfig ?? {};
      if (
        [canActivate, canActivateChild, canMatch].some((list) => list?.includes(cognitoAuthGuard))
      )
        return true;
    }
    return false;
  }
}
