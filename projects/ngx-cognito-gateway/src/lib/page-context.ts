import { PlatformLocation } from '@angular/common';
import { DOCUMENT, PLATFORM_ID, inject } from '@angular/core';
import type { PageContext } from './url-allowlist';

/**
 * Where relative request URLs will go and which origin is the app's own (what path entries of the
 * allowlist mean), for the request being made. Call in an injection context. A page that cannot be
 * read (a server DOM without `baseURI`) is no page: relative URLs and path entries match nothing.
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
export function injectPageContext(): PageContext {
  const location = inject(PLATFORM_ID) === 'server' ? inject(PlatformLocation) : undefined;
  const document = location ? undefined : inject(DOCUMENT, { optional: true });
  try {
    if (location) {
      const { protocol, hostname, port } = location;
      const origin = new URL(`${protocol}//${hostname}${port ? `:${port}` : ''}`).origin;
      const base = new URL(location.getBaseHrefFromDOM() || location.href, origin).href;
      return { base, origin, anyOrigin: true };
    }
    return { base: document?.baseURI, origin: document?.location?.origin };
  } catch {
    return {};
  }
}
