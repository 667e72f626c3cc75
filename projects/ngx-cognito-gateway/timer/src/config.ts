import { InjectionToken } from '@angular/core';

export interface TimerClientConfig {
  /** The API's base URL, e.g. `https://abc123.execute-api.us-east-1.amazonaws.com`; list it in the auth allowlist too. */
  readonly baseUrl: string;
}

export const TIMER_CLIENT_CONFIG = new InjectionToken<TimerClientConfig>('TIMER_CLIENT_CONFIG');
