import { HttpErrorResponse } from '@angular/common/http';
import {
  TimerApiError,
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
 * Maps an HttpClient failure onto the TimerApiError classes. Anything that is not an HTTP error
 * (e.g. the auth interceptor's NotSignedInError) passes through untouched.
 */
export function toTimerError(failure: unknown): unknown {
  if (!(failure instanceof HttpErrorResponse)) return failure;
  const { status } = failure;
  // HttpClient has already parsed a JSON error body (whatever its content type) or kept the text.
  const body: ErrorBody = (typeof failure.error === 'object' && failure.error) || {};
  const message = body.detail ?? body.error ?? body.message ?? failure.message;
  // The legacy service answers 500 for everything; its code/exceptionType say what happened.
  const kind = 'exceptionType' in body ? legacyKind(body) : status;
  if (kind === 400) {
    return new TimerValidationError(body.errors ?? [], status, message);
  }
  const Type =
    {
      0: TimerNetworkError,
      401: TimerUnauthorizedError,
      403: TimerForbiddenError,
      404: TimerNotFoundError,
    }[kind] ?? (kind >= 500 ? TimerServerError : TimerApiError);
  return new Type(message, status, failure);
}

function legacyKind({ code, exceptionType = '' }: ErrorBody): number {
  const numeric = Number(code);
  if (numeric >= 400 && numeric < 600) return numeric;
  // Java-style exception names: ValidationException, IllegalArgumentException, AccessDenied…
  const match = /(valid|argument)|(auth)|(forbid|denied)|(notfound)/i.exec(exceptionType);
  return match ? [400, 401, 403, 404][match.slice(1).findIndex(Boolean)]! : 500;
}
