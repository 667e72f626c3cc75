/*
 * ngx-cognito-gateway/timer: a typed client for the Timer API (openapi/timer-api.yaml).
 */
export { TimerClient } from './timer-client';
export { provideTimerClient } from './provide';
export { TimerClientModule } from './module';
export type { TimerClientConfig } from './config';
export type { Task, TaskDraft, DayOfWeek } from './models';
export { validateTaskDraft } from './validate-task-draft';
export type { TimerFieldError } from './validate-task-draft';
export {
  TimerApiError,
  TimerValidationError,
  TimerNotFoundError,
  TimerUnauthorizedError,
  TimerForbiddenError,
  TimerNetworkError,
  TimerServerError,
} from './errors';
