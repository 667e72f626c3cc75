import {
  TimerApiError,
  TimerForbiddenError,
  TimerNetworkError,
  TimerNotFoundError,
  TimerServerError,
  TimerUnauthorizedError,
  TimerValidationError,
} from 'ngx-cognito-gateway/timer';
import { NotSignedInError, TokenRefreshError } from 'ngx-cognito-gateway';

export type ErrorKind =
  'unauthorized' | 'network' | 'validation' | 'not-found' | 'forbidden' | 'server' | 'unknown';

export interface DescribedError {
  kind: ErrorKind;
  message: string;
}

export const NETWORK_MESSAGE =
  'API could not be reached — origin not allowed or API down. ' +
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
  if (e instanceof TimerNotFoundError) {
    return { kind: 'not-found', message: 'This timer no longer exists.' };
  }
  if (e instanceof TimerForbiddenError) {
    return { kind: 'forbidden', message: 'You are not allowed to do this.' };
  }
  if (e instanceof TimerServerError) {
    return {
      kind: 'server',
      message: `The Timer service failed (HTTP ${e.status}). Try again in a moment.`,
    };
  }
  if (e instanceof TimerApiError) return { kind: 'unknown', message: e.message };
  return { kind: 'unknown', message: 'Something went wrong.' };
}
