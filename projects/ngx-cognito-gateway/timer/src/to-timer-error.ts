import { HttpErrorResponse } from '@angular/common/http';
import {
  TimerApiError,
  timerErrorClass,
  TimerForbiddenError,
  TimerNetworkError,
  TimerNotFoundError,
  TimerServerError,
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
  const type = 'exceptionType' in body ? legacyClass(body) : classOf(status);
  if (type === TimerValidationError) {
    // The one class built apart: it also takes the field errors.
    return new TimerValidationError(body.errors ?? [], status, message);
  }
  return new (type as typeof TimerApiError)(message, status, failure);
}

type ErrorClass = typeof TimerApiError | typeof TimerValidationError;

/** timerErrorClass, and TimerValidationError for 400. */
const classOf = (status: number): ErrorClass =>
  status === 400 ? TimerValidationError : timerErrorClass(status);

/**
 * The legacy service's exception names (`exceptionType`, a Java class name, simple or qualified)
 * by how they end, `Exception` suffix optional. The first row whose ending matches wins, so
 * AuthenticationCredentialsNotFound is 401, not 404. A listed word in the middle of a name is not
 * that name (NotFoundHandlerException is no 404), and an unlisted name is not guessed at.
 */
const LEGACY_NAMES: readonly (readonly [RegExp, ErrorClass])[] = [
  // Spring Security's *Authentication (InsufficientAuthentication) and its
  // AuthenticationCredentialsNotFound, *Jwt (ExpiredJwt, BadJwt), InvalidAuthToken, Cognito's
  // NotAuthorized, *Unauthorized
  [
    /(Authentication|CredentialsNotFound|Jwt|InvalidAuthToken|NotAuthorized|Unauthorized)$/,
    TimerUnauthorizedError,
  ],
  // *NotFound (TaskNotFound, JPA's EntityNotFound), NoSuchElement (Optional.orElseThrow)
  [/(NotFound|NoSuchElement)$/, TimerNotFoundError],
  // jakarta Validation and ConstraintViolation, Spring's MethodArgumentNotValid and
  // HttpMessageNotReadable (bad JSON), *Parse (DateTimeParse, JsonParse), IllegalArgument
  [
    /(Validation|ConstraintViolation|NotValid|NotReadable|Parse|IllegalArgument)$/,
    TimerValidationError,
  ],
  // Spring Security's AccessDenied and AuthorizationDenied, *Forbidden
  [/(Denied|Forbidden)$/, TimerForbiddenError],
];

/**
 * The class a legacy body stands for: its `code` when that is an HTTP error status (4xx/5xx,
 * number or string), else the first row of LEGACY_NAMES its `exceptionType` matches, else
 * TimerServerError.
 */
function legacyClass({ code, exceptionType }: ErrorBody): ErrorClass {
  // test() reads its argument as a string: 404 → '404', undefined → 'undefined'.
  if (/^[45]\d\d$/.test(code as string)) return classOf(+code!);
  const name = String(exceptionType).replace(/Exception$/, '');
  return LEGACY_NAMES.find(([ending]) => ending.test(name))?.[1] ?? TimerServerError;
}
