import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { CognitoAuthFailures } from 'ngx-cognito-gateway';
import { AuthService } from './auth.service';

/**
 * Runs once at start-up: when the library could not heal a 401, the session is over; sign out
 * and send the user to sign-in, remembering the page.
 */
export function redirectOnAuthFailure(): void {
  const router = inject(Router);
  const auth = inject(AuthService);
  inject(CognitoAuthFailures).events.subscribe(() => {
    const current = router.url;
    if (current.startsWith('/sign-in')) return;
    void auth.signOut().then(() =>
      router.navigate(['/sign-in'], {
        queryParams: { returnUrl: current, reason: 'expired' },
      }),
    );
  });
}
