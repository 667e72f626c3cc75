/*
 * ngx-cognito-gateway/timer: a typed client for the Timer API (openapi/timer-api.yaml).
 */
export { TimerClient } from './timer-client';
export type { TaskPage } from './timer-client';
export { provideTimerClient } from './provide';
export { TimerClientModule } from './module';
export type { TimerClientConfig } from './config';
// The contract's types, generated from openapi/timer-api.yaml with its descriptions as JSDoc.
export type { Task, TaskDraft, TaskId, DayOfWeek } from './generated/timer-api';
export { validateTaskDraft } from './validate-task-draft';
export type { TimerFieldError } from './validate-task-draft';
export {
  TimerApiError,
  TimerValidationError,
  TimerNotFoundError,
  TimerUnauthorizedError,
  TimerForbiddenError,
  TimerConflictError,
  TimerPreconditionFailedError,
  TimerPreconditionRequiredError,
  TimerNetworkError,
  TimerServerError,
} from './errors';
