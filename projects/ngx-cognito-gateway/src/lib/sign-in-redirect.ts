import {
  DestroyRef,
  EnvironmentInjector,
  EnvironmentProviders,
  ErrorHandler,
  Provider,
  inject,
  provideEnvironmentInitializer,
  runInInjectionContext,
} from '@angular/core';
import { Router } from '@angular/router';
import { CognitoAuthFailure, CognitoAuthFailureEvents } from './auth-failure-events';
import { CognitoAuthConfigError } from './errors';
import { safeReturnUrl } from './return-url';
import { COGNITO_SIGN_IN_URL, isSignInUrl, signInTree } from './sign-in-url';

/**
 * An optional part of the setup: pass it to `provideCognitoAuth` or `CognitoAuthModule.forRoot`.
 *
 * @example
 * import { provideCognitoAuth, withSignInRedirect, type CognitoAuthFeature } from 'ngx-cognito-gateway';
 * const features: CognitoAuthFeature[] = [withSignInRedirect()];
 * provideCognitoAuth({ allowedUrls: ['https://api.example.com'] }, ...features);
 */
export interface CognitoAuthFeature {
  readonly providers: readonly (Provider | EnvironmentProviders)[];
}

/**
 * Options of `withSignInRedirect`.
 *
 * @example
 * import { signOut } from 'aws-amplify/auth';
 * import type { CognitoSignInRedirectOptions } from 'ngx-cognito-gateway';
 * const options: CognitoSignInRedirectOptions = { signInUrl: '/login', beforeRedirect: () => signOut() };
 */
export interface CognitoSignInRedirectOptions {
  /** The app path of the sign-in page, used by `cognitoAuthGuard` too. Default `/sign-in`. */
  readonly signInUrl?: string;
  /**
   * Runs (in an injection context, awaited) before the redirect that follows an auth failure,
   * typically to end the session: a token the API refused after a refresh is still a session to
   * Amplify, and a sign-in page that sends signed-in users on would send them back. Errors go to
   * Angular's `ErrorHandler`; the redirect happens anyway.
   */
  readonly beforeRedirect?: (failure: CognitoAuthFailure) => unknown;
}

/**
 * Sets where `cognitoAuthGuard` sends signed-out users, and routes to that page whenever
 * `CognitoAuthFailureEvents` emits (a 401 that one refresh and one retry could not heal), with
 * `?returnUrl=<the current page>&reason=expired`. Several failures at once navigate once; none
 * while the sign-in page is shown. Throws `CognitoAuthConfigError` (option `signInUrl`) for a
 * `signInUrl` that is not a path inside the app.
 *
 * @example
 * import { signOut } from 'aws-amplify/auth';
 * import { provideCognitoAuth, withSignInRedirect } from 'ngx-cognito-gateway';
 *
 * providers: [
 *   provideCognitoAuth(
 *     { allowedUrls: ['https://api.example.com/v1'] },
 *     withSignInRedirect({ signInUrl: '/login', beforeRedirect: () => signOut() }),
 *   ),
 * ];
 */
export function withSignInRedirect(options: CognitoSignInRedirectOptions = {}): CognitoAuthFeature {
  const { signInUrl = '/sign-in', beforeRedirect } = options ?? {};
  if (!signInUrl || safeReturnUrl(signInUrl, '') !== signInUrl) {
    throw new CognitoAuthConfigError(
      `signInUrl must be a path inside the app, such as '/sign-in', got ${JSON.stringify(signInUrl)}`,
      'signInUrl',
      signInUrl,
    );
  }
  return {
    providers: [
      { provide: COGNITO_SIGN_IN_URL, useValue: signInUrl },
      provideEnvironmentInitializer(() => {
        const router = inject(Router);
        const injector = inject(EnvironmentInjector);
        const errors = inject(ErrorHandler);
        let redirecting = false;
        const subscription = inject(CognitoAuthFailureEvents).events.subscribe(async (failure) => {
          const current = router.url;
          if (redirecting || isSignInUrl(current, signInUrl)) return;
          redirecting = true;
          try {
            await runInInjectionContext(injector, () => beforeRedirect?.(failure));
          } catch (error) {
            errors.handleError(error);
          }
          try {
            await router.navigateByUrl(
              signInTree(router, signInUrl, current, { reason: 'expired' }),
            );
          } finally {
            redirecting = false;
          }
        });
        inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
      }),
    ],
  };
}
