import { Injectable } from '@angular/core';
import { Observable, Subject } from 'rxjs';

/**
 * One 401 that stayed a 401, and why; `CognitoAuthFailureEvents` emits one per such request.
 *
 * @example
 * import type { CognitoAuthFailure } from 'ngx-cognito-gateway';
 * const describe = (failure: CognitoAuthFailure) => `${failure.reason}: ${failure.status} ${failure.url}`;
 */
export interface CognitoAuthFailure {
  /**
   * `refresh-failed`: the forced refresh after a 401 failed (not for network reasons);
   * `signed-out`: after the 401 there was no session left — also what Amplify 6 reports when
   *   Cognito refuses the refresh token (revoked, expired or rotated out): it clears the session;
   *   or the session this tab held ended while the request waited for its fresh token (then
   *   `status` is the API's 401, or 0 with `whenSignedOut: 'error'`, where nothing is sent);
   * `rejected-after-refresh`: the API refused the freshly refreshed token too.
   */
  readonly reason: 'refresh-failed' | 'signed-out' | 'rejected-after-refresh';
  readonly url: string;
  readonly status: number;
  readonly cause?: unknown;
}

/**
 * The stream of `CognitoAuthFailure`s: `events` emits when a 401 could not be healed by one
 * refresh and one retry, the point where an app should send the user to sign in. The failing
 * request itself still gets its 401. `withSignInRedirect()` subscribes for you.
 *
 * @example
 * import { inject } from '@angular/core';
 * import { CognitoAuthFailureEvents } from 'ngx-cognito-gateway';
 * // in a constructor or other injection context
 * inject(CognitoAuthFailureEvents).events.subscribe((failure) => {
 *   void router.navigate(['/sign-in'], { queryParams: { reason: failure.reason } });
 * });
 */
@Injectable({ providedIn: 'root' })
export class CognitoAuthFailureEvents {
  readonly #events = new Subject<CognitoAuthFailure>();
  readonly events: Observable<CognitoAuthFailure> = this.#events.asObservable();

  /** @internal */
  report(failure: CognitoAuthFailure): void {
    this.#events.next(failure);
  }
}

/**
 * @deprecated Renamed to `CognitoAuthFailureEvents` (one letter away from `CognitoAuthFailure`,
 * one failure, was too easy to misread). The same service: injecting either gives one instance.
 *
 * @example
 * import { inject } from '@angular/core';
 * import { CognitoAuthFailures } from 'ngx-cognito-gateway';
 * inject(CognitoAuthFailures).events.subscribe((failure) => console.warn(failure.reason));
 */
export const CognitoAuthFailures = CognitoAuthFailureEvents;
/** @deprecated Renamed to `CognitoAuthFailureEvents`. */
export type CognitoAuthFailures = CognitoAuthFailureEvents;
