import { RenderMode, ServerRoute } from '@angular/ssr';

/** Rendered per request: the API only runs while the test does. */
export const serverRoutes: ServerRoute[] = [{ path: '**', renderMode: RenderMode.Server }];
