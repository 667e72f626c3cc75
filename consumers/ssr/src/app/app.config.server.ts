import {
  ApplicationConfig,
  inject,
  mergeApplicationConfig,
  provideAppInitializer,
} from '@angular/core';
import { Meta } from '@angular/platform-browser';
import { provideServerRendering, withRoutes } from '@angular/ssr';
import { API_ORIGIN_META } from './api-origin';
import { appConfig } from './app.config';
import { serverRoutes } from './app.routes.server';

/**
 * The server keeps Amplify as the token source (the library's default), as a real app does: the
 * interceptor must not ask it for anything while rendering.
 */
export function serverConfig(apiOrigin: string): ApplicationConfig {
  return mergeApplicationConfig(appConfig(apiOrigin), {
    providers: [
      provideServerRendering(withRoutes(serverRoutes)),
      provideAppInitializer(() => {
        inject(Meta).updateTag({ name: API_ORIGIN_META, content: apiOrigin });
      }),
    ],
  });
}
