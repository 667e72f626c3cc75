import { inject } from '@angular/core';
import { Router, type CanActivateChildFn } from '@angular/router';
import { CognitoAuthState, safeReturnUrl } from 'ngx-cognito-gateway';

/**
 * Over the sign-in step routes: a signed-in user has nothing to do there and goes on to where
 * signing in would have sent them (the returnUrl, else the list), so Back into an old sign-in
 * entry does not show a form either.
 */
export const signedInGoesOn: CanActivateChildFn = async (route) => {
  const router = inject(Router);
  if (!(await inject(CognitoAuthState).check())) return true;
  return router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl'), '/timers'));
};
