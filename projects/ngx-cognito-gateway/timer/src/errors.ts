import type { TimerFieldError } from './validate-task-draft';

/**
 * Every error TimerClient emits, whatever failed: the API's answers, the network, and the auth
 * interceptor's own errors (kept as `cause`). `name` is stable (minifiers rename classes, not
 * strings), so apps can branch on `error.name` as well as `instanceof`. `status` is the HTTP status
 * received (0: no response, or no request sent; 400 also for drafts rejected before sending).
 *
 * @example
 * import { TimerApiError, TimerPreconditionFailedError, TimerValidationError } from 'ngx-cognito-gateway/timer';
 * // in the error callback of a TimerClient call: the most specific class first
 * if (error instanceof TimerPreconditionFailedError) console.warn('changed elsewhere: reload it');
 * else if (error instanceof TimerValidationError) console.table(error.fieldErrors);
 * else if (error instanceof TimerApiError) console.error(error.name, error.status, error.message);
 */
export class TimerApiError extends Error {
  override readonly name: string = 'TimerApiError';
  constructor(
    message: string,
    readonly status: number,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

/**
 * The draft breaks the contract's rules; `fieldErrors` says where (field `''`: the whole body).
 *
 * @example
 * import { TimerValidationError } from 'ngx-cognito-gateway/timer';
 * if (error instanceof TimerValidationError) console.table(error.fieldErrors);
 */
export class TimerValidationError extends TimerApiError {
  override readonly name = 'TimerValidationError';
  constructor(
    readonly fieldErrors: readonly TimerFieldError[],
    status = 400,
    message = 'Invalid task',
  ) {
    super(message, status);
  }
}

/**
 * The task does not exist, or belongs to another user (404: the API does not tell which).
 *
 * @example
 * import { TimerNotFoundError } from 'ngx-cognito-gateway/timer';
 * if (error instanceof TimerNotFoundError) void router.navigateByUrl('/tasks');
 */
export class TimerNotFoundError extends TimerApiError {
  override readonly name = 'TimerNotFoundError';
}

/**
 * No valid token reached the API (the gateway's authorizer answered 401), or nobody is signed in
 * so nothing was sent (status 0, `cause`: the auth interceptor's NotSignedInError).
 *
 * @example
 * import { TimerUnauthorizedError } from 'ngx-cognito-gateway/timer';
 * if (error instanceof TimerUnauthorizedError) void router.navigateByUrl('/sign-in');
 */
export class TimerUnauthorizedError extends TimerApiError {
  override readonly name = 'TimerUnauthorizedError';
}

/**
 * The token lacks a required scope, or the API refused this user (403).
 *
 * @example
 * import { TimerForbiddenError } from 'ngx-cognito-gateway/timer';
 * if (error instanceof TimerForbiddenError) console.warn('not allowed:', error.message);
 */
export class TimerForbiddenError extends TimerApiError {
  override readonly name = 'TimerForbiddenError';
}

/**
 * The task changed since the version you sent (412): someone else saved or deleted it first.
 * Nothing was changed; load the task again and let the user decide.
 *
 * @example
 * import { TimerPreconditionFailedError } from 'ngx-cognito-gateway/timer';
 * if (error instanceof TimerPreconditionFailedError) console.warn('changed elsewhere: reload it');
 */
export class TimerPreconditionFailedError extends TimerApiError {
  override readonly name = 'TimerPreconditionFailedError';
}

/**
 * A replacement was sent without `If-Match` (428): the API only replaces a task at the version
 * its sender read. TimerClient's `update` sends it from the task you pass, so this means a proxy
 * dropped the header, or the task passed had no `version`.
 *
 * @example
 * import { TimerPreconditionRequiredError } from 'ngx-cognito-gateway/timer';
 * if (error instanceof TimerPreconditionRequiredError) console.warn('read the task, then update it');
 */
export class TimerPreconditionRequiredError extends TimerApiError {
  override readonly name = 'TimerPreconditionRequiredError';
}

/**
 * The request conflicts with the API's state (409), e.g. the per-user task limit is reached.
 *
 * @example
 * import { TimerConflictError } from 'ngx-cognito-gateway/timer';
 * if (error instanceof TimerConflictError) console.warn('task limit reached:', error.message);
 */
export class TimerConflictError extends TimerApiError {
  override readonly name = 'TimerConflictError';
}

/**
 * No HTTP response: offline, DNS, TLS, or a CORS rejection (browsers hide which). Status 0. Also
 * when the session could not be refreshed, so nothing was sent (`cause`: the auth interceptor's
 * TokenRefreshError, usually the sign-in service unreachable).
 *
 * @example
 * import { TimerNetworkError } from 'ngx-cognito-gateway/timer';
 * if (error instanceof TimerNetworkError) showOffline(url, error.cause);
 */
export class TimerNetworkError extends TimerApiError {
  override readonly name = 'TimerNetworkError';
}

/**
 * 5xx, including the legacy service's 500s that do not name a client mistake.
 *
 * @example
 * import { TimerServerError } from 'ngx-cognito-gateway/timer';
 * if (error instanceof TimerServerError) console.error('try again later:', error.status, error.message);
 */
export class TimerServerError extends TimerApiError {
  override readonly name = 'TimerServerError';
}

const BY_STATUS: Readonly<Record<number, typeof TimerApiError>> = {
  0: TimerNetworkError,
  401: TimerUnauthorizedError,
  403: TimerForbiddenError,
  404: TimerNotFoundError,
  409: TimerConflictError,
  412: TimerPreconditionFailedError,
  428: TimerPreconditionRequiredError,
};

/**
 * The class that stands for `status` (0: no response), as each class's comment above says:
 * TimerServerError for any 5xx, TimerApiError for a status without a class of its own. 400 is
 * TimerValidationError, built apart because it also takes the field errors.
 */
export function timerErrorClass(status: number): typeof TimerApiError {
  return BY_STATUS[status] ?? (status >= 500 ? TimerServerError : TimerApiError);
}
