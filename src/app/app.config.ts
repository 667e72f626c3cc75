import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  provideAppInitializer,
  provideZonelessChangeDetection,
  type ApplicationConfig,
} from '@angular/core';
import { provideRouter, RouteReuseStrategy, withComponentInputBinding } from '@angular/router';
import { IonicRouteStrategy } from '@ionic/angular/ionic-route-strategy';
import { provideIonicAngular } from '@ionic/angular/provide';
import { cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
import { provideTimerClient } from 'ngx-cognito-gateway/timer';
import { routes } from './app.routes';
import { redirectOnAuthFailure } from './auth/auth-failure-redirect';
import type { RuntimeConfig } from './config/runtime-config';
import { RUNTIME_CONFIG } from './config/runtime-config.token';

/** Everything the app needs, from the runtime config; the library only through its entry points. */
export function appConfig(config: RuntimeConfig): ApplicationConfig {
  return {
    providers: [
      provideZonelessChangeDetection(),
      { provide: RUNTIME_CONFIG, useValue: config },
      { provide: RouteReuseStrategy, useClass: IonicRouteStrategy },
      provideIonicAngular({ mode: 'md' }),
      provideRouter(routes, withComponentInputBinding()),
      provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
      provideCognitoAuth({ allowedUrls: [config.apiUrl] }),
      provideTimerClient({ baseUrl: config.apiUrl }),
      provideAppInitializer(redirectOnAuthFailure),
    ],
  };
}
