import { DestroyRef, inject } from '@angular/core';
import { ActivatedRoute, type ParamMap } from '@angular/router';
import type { FormStatus } from '../ui/form-status';

/**
 * Calls `enter` with the page's query parameters now and each time Ionic shows the page again
 * with others: Ionic's outlet reuses a page still in its stack when the path matches, whatever the
 * query, so `/sign-in?reason=password-changed` can come back to the sign-in page made earlier.
 */
export function onQuery(enter: (query: ParamMap) => void): void {
  const route = inject(ActivatedRoute);
  enter(route.snapshot.queryParamMap);
  const subscription = route.queryParamMap.subscribe((query) => enter(query));
  inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
}

/**
 * On each query (see `onQuery`): `enter` reads what else the page shows from it, then the form
 * starts afresh with the username the query brings, as a page shown again should.
 */
export function resetOnQuery(
  form: Pick<FormStatus<{ username: string }>, 'reset'>,
  enter: (query: ParamMap) => void = () => undefined,
): void {
  onQuery((query) => {
    enter(query);
    form.reset({ username: query.get('username') ?? '' });
  });
}

/** The returnUrl to carry on, read when needed (Ionic updates a reused page's snapshot). */
export function keepReturnUrl(route: ActivatedRoute): Record<string, string> {
  const returnUrl = route.snapshot.queryParamMap.get('returnUrl');
  return returnUrl ? { returnUrl } : {};
}
