import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig } from '@angular/core';
import { provideClientHydration, withHttpTransferCacheOptions } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
import { provideTimerClient } from 'ngx-cognito-gateway/timer';
import { API_ORIGIN } from './api-origin';
import { routes } from './app.routes';

/** What both the server and the browser bootstrap with, as in an `ng new --ssr` app. */
export function appConfig(apiOrigin: string): ApplicationConfig {
  return {
    providers: [
      provideRouter(routes),
      // Angular would already skip cached answers for requests that carry an Authorization header;
      // turned off here so that only the library keeps the server's unauthenticated answer from
      // being reused, and the test sees it if it stops doing so.
      provideClientHydration(
        withHttpTransferCacheOptions({ includeRequestsWithAuthHeaders: true }),
      ),
      provideHttpClient(withFetch(), withInterceptors([cognitoAuthInterceptor])),
      provideCognitoAuth({ allowedUrls: [`${apiOrigin}/api`] }),
      provideTimerClient({ baseUrl: `${apiOrigin}/api` }),
      { provide: API_ORIGIN, useValue: apiOrigin },
    ],
  };
}
