import { EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import type { TimerClientConfig } from './config';
import { timerClientProviders } from './timer-client';

/**
 * Provides `TimerClient` for a standalone app: `provideTimerClient({ baseUrl })` beside
 * `provideHttpClient` with the auth interceptor, then `inject(TimerClient)` where you need it.
 *
 * @example
 * import { provideHttpClient, withInterceptors } from '@angular/common/http';
 * import { bootstrapApplication } from '@angular/platform-browser';
 * import { cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
 * import { provideTimerClient } from 'ngx-cognito-gateway/timer';
 *
 * const api = 'https://abc123.execute-api.eu-west-1.amazonaws.com';
 * bootstrapApplication(AppComponent, {
 *   providers: [
 *     provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
 *     provideCognitoAuth({ allowedUrls: [`${api}/`] }),
 *     provideTimerClient({ baseUrl: api }),
 *   ],
 * });
 */
export function provideTimerClient(config: TimerClientConfig): EnvironmentProviders {
  return makeEnvironmentProviders(timerClientProviders(config));
}
