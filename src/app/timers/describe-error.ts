import {
  TimerConflictError,
  TimerForbiddenError,
  TimerNetworkError,
  TimerNotFoundError,
  TimerPreconditionFailedError,
  TimerServerError,
  TimerUnauthorizedError,
  TimerValidationError,
} from 'ngx-cognito-gateway/timer';
import { NotSignedInError, TokenRefreshError } from 'ngx-cognito-gateway';

export type ErrorKind =
  | 'unauthorized'
  | 'network'
  | 'validation'
  | 'not-found'
  | 'forbidden'
  | 'changed'
  | 'limit'
  | 'server'
  | 'unknown';

export interface DescribedError {
  kind: ErrorKind;
  message: string;
}

/** What a person reads when the browser got no answer at all. */
export const NETWORK_MESSAGE = "The Timer service can't be reached. Try again in a moment.";

/** What a developer needs for the same failure; browsers hide the cause, so both are named. */
export const NETWORK_DETAIL =
  'Timer API could not be reached: origin not allowed or API down. ' +
  'Check that this site is in the API’s AllowedOrigins and that the API is running.';

/** One place that turns any failure into what a person needs to read. Pure. */
export function describeError(e: unknown): DescribedError {
  if (e instanceof TimerUnauthorizedError || e instanceof NotSignedInError) {
    return { kind: 'unauthorized', message: 'Your session has ended. Sign in again.' };
  }
  if (e instanceof TokenRefreshError) {
    return {
      kind: 'network',
      message: 'The sign-in service could not be reached to refresh your session.',
    };
  }
  if (e instanceof TimerNetworkError) return { kind: 'network', message: NETWORK_MESSAGE };
  if (e instanceof TimerValidationError) {
    return { kind: 'validation', message: 'Some fields need attention.' };
  }
  if (e instanceof TimerPreconditionFailedError) {
    return {
      kind: 'changed',
      message:
        'This timer was changed elsewhere, so your changes were not saved. ' +
        'Reload it to see the latest version.',
    };
  }
  if (e instanceof TimerConflictError) {
    return {
      kind: 'limit',
      message: 'You have reached the limit on timers. Delete one to create another.',
    };
  }
  if (e instanceof TimerNotFoundError) {
    return { kind: 'not-found', message: 'This timer no longer exists.' };
  }
  if (e instanceof TimerForbiddenError) {
    return { kind: 'forbidden', message: 'You are not allowed to do this.' };
  }
  if (e instanceof TimerServerError) {
    return {
      kind: 'server',
      message: 'The Timer service failed. Try again in a moment.',
    };
  }
  return { kind: 'unknown', message: 'Something went wrong. Try again in a moment.' };
}

/** describeError for the page, with what only a developer can act on written to the console. */
export function reportError(e: unknown): DescribedError {
  const described = describeError(e);
  if (described.kind === 'network' && e instanceof TimerNetworkError) {
    console.error(NETWORK_DETAIL, e);
  } else if (described.kind === 'server' || described.kind === 'unknown') {
    console.error('Timer API call failed:', e);
  }
  return described;
}
