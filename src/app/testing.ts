import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import {
  provideZonelessChangeDetection,
  type Provider,
  type EnvironmentProviders,
} from '@angular/core';
import { provideRouter } from '@angular/router';
import { provideIonicAngular } from '@ionic/angular/provide';
import { cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
import { provideCognitoAuthTesting } from 'ngx-cognito-gateway/testing';
import { provideTimerClient } from 'ngx-cognito-gateway/timer';
import type { RuntimeConfig } from './config/runtime-config';
import { RUNTIME_CONFIG } from './config/runtime-config.token';
import { RELOAD_PAGE } from './auth/page-user';

export const TEST_CONFIG: RuntimeConfig = {
  apiUrl: 'http://127.0.0.1:3000',
  region: 'us-east-1',
  userPoolId: 'local_test',
  userPoolClientId: 'client',
  cognitoEndpoint: 'http://127.0.0.1:9229',
  authFlow: 'USER_PASSWORD_AUTH',
  choiceBasedSignIn: false,
};

/** The app's real wiring (library interceptor + Timer client) over HttpTestingController. */
export function appTestingProviders(): (Provider | EnvironmentProviders)[] {
  return [
    provideZonelessChangeDetection(),
    provideIonicAngular(),
    provideRouter([]),
    { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
    // Never the Karma page itself; a spec that expects a reload provides its own.
    {
      provide: RELOAD_PAGE,
      useValue: () => {
        throw new Error('the page would reload: another user signed in');
      },
    },
    provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
    provideHttpClientTesting(),
    provideCognitoAuth({ allowedUrls: [TEST_CONFIG.apiUrl] }),
    provideCognitoAuthTesting(),
    provideTimerClient({ baseUrl: TEST_CONFIG.apiUrl }),
  ];
}

/** Lets the interceptor's token Promise and the component's awaits settle. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
