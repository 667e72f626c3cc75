import { InjectionToken } from '@angular/core';
import { Router, UrlTree } from '@angular/router';

/** Where `cognitoAuthGuard` and `withSignInRedirect` send signed-out users. */
// Marked pure: a `new` at the top level is kept by bundlers otherwise, even when unused.
export const COGNITO_SIGN_IN_URL = /* @__PURE__ */ new InjectionToken<string>(
  'COGNITO_SIGN_IN_URL',
  {
    providedIn: 'root',
    factory: () => '/sign-in',
  },
);

/** `signInUrl` with `returnUrl` (and any `extra` parameters) added to its own query. */
export function signInTree(
  router: Router,
  signInUrl: string,
  returnUrl: string,
  extra?: Record<string, string>,
): UrlTree {
  const tree = router.parseUrl(signInUrl);
  tree.queryParams = { ...tree.queryParams, returnUrl, ...extra };
  return tree;
}

/** Whether `url` (a router URL) is the sign-in page itself, whatever its query. */
export function isSignInUrl(url: string, signInUrl: string): boolean {
  const path = (value: string) => value.split(/[?#]/)[0];
  return path(url) === path(signInUrl);
}
