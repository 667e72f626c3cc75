import { EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import type { TimerClientConfig } from './config';
import { timerClientProviders } from './timer-client';

/** `providers: [provideHttpClient(...), provideTimerClient({ baseUrl })]`, then `inject(TimerClient)`. */
export function provideTimerClient(config: TimerClientConfig): EnvironmentProviders {
  return makeEnvironmentProviders(timerClientProviders(config));
}
