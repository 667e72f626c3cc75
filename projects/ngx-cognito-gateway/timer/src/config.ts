import { InjectionToken } from '@angular/core';

/**
 * What `provideTimerClient` / `TimerClientModule.forRoot` take: where the Timer API is.
 *
 * @example
 * import type { TimerClientConfig } from 'ngx-cognito-gateway/timer';
 * // One origin for the client and the auth allowlist, so the token goes there and only there.
 * const api = 'https://abc123.execute-api.eu-west-1.amazonaws.com';
 * export const timerConfig: TimerClientConfig = { baseUrl: api };
 */
export interface TimerClientConfig {
  /** The API's base URL, e.g. `https://abc123.execute-api.us-east-1.amazonaws.com`; list it in the auth allowlist too. */
  readonly baseUrl: string;
}

export const TIMER_CLIENT_CONFIG = new InjectionToken<TimerClientConfig>('TIMER_CLIENT_CONFIG');
