import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { CognitoAuthState, safeReturnUrl } from 'ngx-cognito-gateway';

/**
 * On the sign-in route: a signed-in user has nothing to do there and goes on to where signing in
 * would have sent them (the returnUrl, else the list), so Back into an old sign-in entry does
 * not show the form either.
 */
export const signedInGoesOn: CanActivateFn = async (route) => {
  const router = inject(Router);
  if (!(await inject(CognitoAuthState).check())) return true;
  return router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl'), '/timers'));
};
