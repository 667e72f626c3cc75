import { CognitoGatewayError, NotSignedInError, TokenRefreshError } from 'ngx-cognito-gateway';
import * as timer from 'ngx-cognito-gateway/timer';

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

const UNREACHABLE: DescribedError = { kind: 'network', message: NETWORK_MESSAGE };

const SIGNED_OUT: DescribedError = {
  kind: 'unauthorized',
  message: 'Your session has ended. Sign in again.',
};

/** The words for each failure the libraries type, as a table of the cases; the first match wins. */
const BY_TYPE: readonly [abstract new (...args: never[]) => Error, DescribedError][] = [
  [timer.TimerUnauthorizedError, SIGNED_OUT],
  [NotSignedInError, SIGNED_OUT],
  [
    TokenRefreshError,
    {
      kind: 'network',
      message: 'The sign-in service could not be reached to refresh your session.',
    },
  ],
  [timer.TimerNetworkError, UNREACHABLE],
  [timer.TimerValidationError, { kind: 'validation', message: 'Some fields need attention.' }],
  [
    timer.TimerPreconditionFailedError,
    {
      kind: 'changed',
      message:
        'This timer was changed elsewhere, so your changes were not saved. ' +
        'Reload it to see the latest version.',
    },
  ],
  [
    timer.TimerConflictError,
    {
      kind: 'limit',
      message: 'You have reached the limit on timers. Delete one to create another.',
    },
  ],
  [timer.TimerNotFoundError, { kind: 'not-found', message: 'This timer no longer exists.' }],
  [timer.TimerForbiddenError, { kind: 'forbidden', message: 'You are not allowed to do this.' }],
  [
    timer.TimerServerError,
    { kind: 'server', message: 'The Timer service failed. Try again in a moment.' },
  ],
];

const UNKNOWN: DescribedError = {
  kind: 'unknown',
  message: 'Something went wrong. Try again in a moment.',
};

/**
 * One place that turns any failure into what a person needs to read. Pure. TimerClient emits the
 * auth library's errors as TimerApiErrors with the original as `cause`: that original says more
 * (the sign-in service, not the Timer API, could not be reached), so it is the one described.
 */
export function describeError(e: unknown): DescribedError {
  const failure =
    e instanceof timer.TimerApiError && e.cause instanceof CognitoGatewayError ? e.cause : e;
  return BY_TYPE.find(([type]) => failure instanceof type)?.[1] ?? UNKNOWN;
}

/** describeError for the page, with what only a developer can act on written to the console. */
export function reportError(e: unknown): DescribedError {
  const described = describeError(e);
  if (described === UNREACHABLE) {
    console.error(NETWORK_DETAIL, e);
  } else if (described.kind === 'server' || described.kind === 'unknown') {
    console.error('Timer API call failed:', e);
  }
  return described;
}
