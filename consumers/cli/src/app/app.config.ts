import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  InjectionToken,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideClientHydration, withHttpTransferCacheOptions } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
import { routes } from './app.routes';

/** The API service's origin, known when the server starts (the test picks free ports). */
export const API_ORIGIN = new InjectionToken<string>('API_ORIGIN');
/** The server writes the origin into the page, so the browser's bootstrap can read it back. */
export const API_ORIGIN_META = 'api-origin';

/**
 * What both the server and the browser bootstrap with. The app's own API is under `/api` on its
 * origin (server.ts passes it on), the API service's under `/v1`. A custom header, and
 * `includeRequestsWithAuthHeaders`, leave only the library to keep the server's unauthenticated
 * answers to those out of the page's transfer state.
 */
export function appConfig(apiOrigin: string): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideRouter(routes),
      provideClientHydration(
        withHttpTransferCacheOptions({ includeRequestsWithAuthHeaders: true }),
      ),
      provideHttpClient(withFetch(), withInterceptors([cognitoAuthInterceptor])),
      provideCognitoAuth({ allowedUrls: ['/api', `${apiOrigin}/v1`], headerName: 'X-Api-Token' }),
      { provide: API_ORIGIN, useValue: apiOrigin },
    ],
  };
}
