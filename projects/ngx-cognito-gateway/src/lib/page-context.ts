import { PlatformLocation } from '@angular/common';
import { DOCUMENT, PLATFORM_ID, inject } from '@angular/core';
import type { PageContext } from './url-allowlist';

/**
 * Reads, per request, where relative request URLs will go and which origin is the app's own (what
 * path entries of the allowlist mean). Call in an injection context.
 *
 * - In the browser: the document's base URL, as `fetch` and XHR resolve relative URLs, and the
 *   document's origin (a `<base href>` on a CDN moves relative URLs there, not the app).
 * - On the server, in every render mode: the URL being rendered, as Angular's server resolves
 *   relative request URLs (`@angular/platform-server`'s relative URL interceptor: the base href's
 *   path, else the page, on the page's origin). It is the request's URL under
 *   `RenderMode.Server`, the route's URL on the build's own server while prerendering (Angular
 *   provides no `REQUEST` then), and it is what `PlatformLocation` holds in both. The origin the
 *   browser will have is unknown there (a proxy, the build machine), hence `anyOrigin`.
 */
export function injectPageContext(): () => PageContext {
  if (inject(PLATFORM_ID) === 'server') {
    const location = inject(PlatformLocation);
    return () => {
      const { protocol, hostname, port } = location;
      const origin = new URL(`${protocol}//${hostname}${port ? `:${port}` : ''}`).origin;
      const base = new URL(location.getBaseHrefFromDOM() || location.href, origin).href;
      return { base, origin, anyOrigin: true };
    };
  }
  const document = inject(DOCUMENT, { optional: true });
  return () => ({ base: document?.baseURI, origin: document?.location?.origin });
}
