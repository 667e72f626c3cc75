import { InjectionToken } from '@angular/core';

/** The API's origin, only known when the server starts (the test picks free ports). */
export const API_ORIGIN = new InjectionToken<string>('API_ORIGIN');

/** The server writes the origin into the page, so the browser's bootstrap can read it back. */
export const API_ORIGIN_META = 'api-origin';
