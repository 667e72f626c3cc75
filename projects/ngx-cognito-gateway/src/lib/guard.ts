import { DestroyRef, InjectionToken, PLATFORM_ID, inject } from '@angular/core';
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
  inject(SIGNED_OUT_ELSEWHERE); // from the first guarded page on
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
 * wishes (as `withSignInRedirect` does after an auth failure). A token with a factory, not an
 * injectable class, so that bundlers drop it from apps without the guard (see auth-state.ts).
 */
const SIGNED_OUT_ELSEWHERE = /* @__PURE__ */ new InjectionToken<void>('SIGNED_OUT_ELSEWHERE', {
  providedIn: 'root',
  factory: watchSignedOutElsewhere,
});

function watchSignedOutElsewhere(): void {
  const router = inject(Router);
  const auth = inject(CognitoAuthState);
  const signInUrl = inject(COGNITO_SIGN_IN_URL);
  /** A change came in while a check was under way: check again after it. */
  let again = false;
  let checking = false;

  const onGuardedPage = () => {
    if (isSignInUrl(router.url, signInUrl)) return false;
    let route: ActivatedRouteSnapshot | null = router.routerState.snapshot.root;
    for (; route; route = route.firstChild) {
      const { canActivate, canActivateChild, canMatch } = route.routeConfig ?? {};
      const guards = [canActivate, canActivateChild, canMatch];
      if (guards.some((list) => list?.includes(cognitoAuthGuard))) return true;
    }
    return false;
  };

  const check = async () => {
    again = true;
    if (checking) return;
    checking = true;
    try {
      while (again) {
        again = false;
        if ((await auth.check()) || !onGuardedPage()) continue;
        const tree = signInTree(router, signInUrl, router.url, { reason: 'signed-out' });
        await router.navigateByUrl(tree);
      }
    } finally {
      checking = false;
    }
  };

  // `change?.`: a source written before changes said where they came from calls with nothing.
  const stop = inject(CognitoTokenSource).onTokensChanged((change) => {
    if (change?.inAnotherTab) void check();
  });
  inject(DestroyRef).onDestroy(stop);
}
