import {
  ApplicationConfig,
  inject,
  mergeApplicationConfig,
  provideAppInitializer,
} from '@angular/core';
import { Meta } from '@angular/platform-browser';
import { provideServerRendering, withRoutes } from '@angular/ssr';
import { API_ORIGIN_META, appConfig } from './app.config';
import { serverRoutes } from './app.routes.server';

// Set by whoever builds and starts the server; prerendering runs with the build's environment.
const apiOrigin = process.env['API_ORIGIN'] || 'http://127.0.0.1:9';

/** Amplify stays the token source on the server, as in a real app: nothing may ask it there. */
export const config: ApplicationConfig = mergeApplicationConfig(appConfig(apiOrigin), {
  providers: [
    provideServerRendering(withRoutes(serverRoutes)),
    provideAppInitializer(() => {
      inject(Meta).updateTag({ name: API_ORIGIN_META, content: apiOrigin });
    }),
  ],
});
