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
 * On the server it answers `true` at once, without asking anything: the session lives in the
 * browser, so the server cannot tell, and Angular's server rendering answers 404 for a navigation
 * a guard refuses, and a redirect to sign-in would send signed-in users there too. The server so
 * renders the page as it would for anyone (without a token, see the interceptor), and the browser
 * checks again when it boots and redirects a signed-out user then. Routes that need a user are
 * best not rendered on the server at all: `renderMode: RenderMode.Client` in
 * `app.routes.server.ts`.
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
