import { PLATFORM_ID, inject } from '@angular/core';
import {
  CanActivateChildFn,
  CanActivateFn,
  CanMatchFn,
  Router,
  RouterStateSnapshot,
  UrlSegment,
} from '@angular/router';
import { CognitoAuthState } from './auth-state';
import { COGNITO_SIGN_IN_URL, signInTree } from './sign-in-url';

/**
 * Lets signed-in users through; sends signed-out users to the sign-in page (`/sign-in`, or the
 * `signInUrl` of `withSignInRedirect`) with `?returnUrl=<where they were going>`, as a `UrlTree`
 * so the router redirects in one navigation. Reads the session afresh on every check
 * (`CognitoAuthState.check()`). Works as `canActivate`, `canActivateChild` and `canMatch`.
 *
 * On the server it answers `false` without asking anything (the session lives in the browser):
 * the render does not hang and shows the app without the guarded route, and the browser decides
 * after hydration. With `canMatch`, `false` lets the router try the next routes, so a catch-all
 * route renders instead; routes that need a user are best rendered in the browser only
 * (`renderMode: RenderMode.Client` in `app.routes.server.ts`).
 *
 * @example
 * export const routes: Routes = [
 *   { path: 'sign-in', loadComponent: () => import('./sign-in.page').then((m) => m.SignInPage) },
 *   { path: 'account', canActivate: [cognitoAuthGuard], loadComponent: () => import('./account') },
 *   { path: 'admin', canMatch: [cognitoAuthGuard], loadChildren: () => import('./admin.routes') },
 * ];
 */
export const cognitoAuthGuard: CanActivateFn & CanActivateChildFn & CanMatchFn = (
  _route: unknown,
  target: RouterStateSnapshot | UrlSegment[],
) => {
  if (inject(PLATFORM_ID) === 'server') return false;
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
