import { HttpErrorResponse } from '@angular/common/http';
import {
  TimerApiError,
  timerErrorClass,
  TimerNetworkError,
  TimerUnauthorizedError,
  TimerValidationError,
} from './errors';
import type { TimerFieldError } from './validate-task-draft';

interface ErrorBody {
  // RFC 9457 problem details (this API), or API Gateway's own `{ message }`
  detail?: string;
  message?: string;
  errors?: TimerFieldError[];
  // the existing Timer Service's legacy body, always sent with status 500
  exceptionType?: string;
  code?: number | string;
  error?: string;
}

/**
 * Maps any failure of a call onto the TimerApiError classes, so one `instanceof TimerApiError`
 * branch catches everything. The auth interceptor's errors (recognized by their stable names, so
 * this entry point does not depend on the main one) keep their meaning and are the `cause`:
 * NotSignedInError is TimerUnauthorizedError, TokenRefreshError (the session could not be
 * refreshed, usually the network) is TimerNetworkError; anything else is a TimerApiError.
 */
export function toTimerError(failure: unknown): TimerApiError {
  if (failure instanceof TimerApiError) return failure;
  if (!(failure instanceof HttpErrorResponse)) {
    const { name, message } = (failure ?? {}) as { name?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : String(failure);
    if (name === 'NotSignedInError') return new TimerUnauthorizedError(text, 0, failure);
    if (name === 'TokenRefreshError') return new TimerNetworkError(text, 0, failure);
    return new TimerApiError(text, 0, failure);
  }
  const { status } = failure;
  // HttpClient has already parsed a JSON error body (whatever its content type) or kept the text.
  const body: ErrorBody = (typeof failure.error === 'object' && failure.error) || {};
  const message = body.detail ?? body.error ?? body.message ?? failure.message;
  // The legacy service answers 500 for everything; its code/exceptionType say what happened.
  const kind = 'exceptionType' in body ? legacyKind(body) : status;
  if (kind === 400) {
    return new TimerValidationError(body.errors ?? [], status, message);
  }
  return new (timerErrorClass(kind))(message, status, failure);
}

/**
 * The status a legacy body stands for, decided in this order:
 * 1. `code`, when it is an HTTP error status (4xx/5xx, number or string);
 * 2. else how `exceptionType` ends: a Java class name (simple or qualified, `Exception` suffix
 *    optional) whose last words are one of the well-known names in LEGACY_NAMES. When two listed
 *    endings both match, the longer wins: AuthenticationCredentialsNotFound is 401, not 404;
 * 3. else 500 (TimerServerError): an unlisted name is not guessed at, nor is a listed name in
 *    the middle of another (NotFoundHandlerException is no 404).
 */
function legacyKind({ code, exceptionType }: ErrorBody): number {
  // test() and exec() read their argument as a string: 404 → '404', undefined → 'undefined'.
  if (/^[45]\d\d$/.test(code as string)) return +code!;
  const match = LEGACY_NAMES.exec(exceptionType as string);
  return match ? [404, 400, 403, 401][match.slice(1).findIndex(Boolean)]! : 500;
}

// Groups: 404, 400, 403, 401. Anchored at the end, the leftmost match is the longest ending.
//  404: *NotFound (TaskNotFound, JPA EntityNotFound…); java.util.NoSuchElement (from
//       Optional.orElseThrow)
//  400: jakarta Validation, ConstraintViolation; Spring MethodArgumentNotValid,
//       HttpMessageNotReadable (bad JSON); *Parse (DateTimeParse, JsonParse); IllegalArgument
//  403: *Denied (Spring Security AccessDenied, AuthorizationDenied), *Forbidden
//  401: *Authentication (Spring Security, InsufficientAuthentication…) and its
//       AuthenticationCredentialsNotFound; *Jwt (ExpiredJwt, BadJwt…); InvalidAuthToken;
//       Cognito NotAuthorized; *Unauthorized
const LEGACY_NAMES =
  /(?:(NotFound|NoSuchElement)|(Validation|ConstraintViolation|NotValid|NotReadable|Parse|IllegalArgument)|(Denied|Forbidden)|(Authentication|CredentialsNotFound|Jwt|InvalidAuthToken|NotAuthorized|Unauthorized))(?:Exception)?$/;
