import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { inject, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideRouter, RouteReuseStrategy, withComponentInputBinding } from '@angular/router';
import { IonicRouteStrategy } from '@ionic/angular/ionic-route-strategy';
import { provideIonicAngular } from '@ionic/angular/provide';
import {
  cognitoAuthInterceptor,
  provideCognitoAuth,
  withSignInRedirect,
} from 'ngx-cognito-gateway';
import { provideTimerClient } from 'ngx-cognito-gateway/timer';
import { routes } from './app.routes';
import { AuthService } from './auth/auth.service';
import { pageUserInterceptor } from './auth/page-user';
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
      // A request with another user's token than the page shows is not sent (page-user.ts).
      provideHttpClient(withInterceptors([cognitoAuthInterceptor, pageUserInterceptor])),
      provideCognitoAuth(
        { allowedUrls: [config.apiUrl] },
        // A 401 that a refresh could not heal ends the session: signed out first, so that the
        // sign-in page (which sends signed-in users on) shows its form.
        withSignInRedirect({
          signInUrl: '/sign-in',
          beforeRedirect: () => inject(AuthService).signOut(),
        }),
      ),
      provideTimerClient({ baseUrl: config.apiUrl }),
    ],
  };
}
