import { inject } from '@angular/core';
import { ActivatedRoute, Router, type NavigationExtras } from '@angular/router';
import { AMPLIFY_STEPS } from './amplify-steps';
import { keepReturnUrl } from './route-query';
import { SignInFlow, type NextSignInStep } from './sign-in-flow';

/**
 * Where a sign-in step page sends the person once its step is done, the returnUrl carried along
 * from page to page until it brings them back. Call it where `inject` works (a field initializer).
 */
export function stepNavigation() {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const flow = inject(SignInFlow);
  const amplify = inject(AMPLIFY_STEPS);
  /** Read when needed: Ionic updates the snapshot of a page it shows again. */
  const returnUrlQuery = () => keepReturnUrl(route);
  const follow = (next: NextSignInStep) =>
    flow.follow(next, route.snapshot.queryParamMap.get('returnUrl'));
  return {
    returnUrlQuery,
    /** To the page of Amplify's next step, or, signed in, to where the person was going. */
    follow,
    /** Answers the challenge of the sign-in in progress (a new password, a TOTP code), then on. */
    async answer(challengeResponse: string): Promise<void> {
      const { nextStep } = await amplify.confirmSignIn({ challengeResponse });
      await follow(nextStep);
    },
    /** Signs in with the password Amplify kept from sign-up on this page load, then on. */
    async autoSignIn(username: string): Promise<void> {
      flow.username.set(username);
      await follow((await amplify.autoSignIn()).nextStep);
    },
    /** To another page of the steps with `query` and the returnUrl. */
    to(path: string, query: Record<string, string>, extras: NavigationExtras = {}) {
      return router.navigate([path], { queryParams: { ...returnUrlQuery(), ...query }, ...extras });
    },
  };
}
