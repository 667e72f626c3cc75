/**
 * The one decision that keeps a user's token away from everyone but their API: does this request
 * URL fall under one of the allowlisted API URLs? Pure and total: never throws, `false` for
 * anything it cannot parse.
 *
 * Both sides go through the WHATWG URL parser (what the browser itself will use to send the
 * request), so host case, default ports, IDNA, `\` vs `/`, and `.`/`..`/`%2e` segments are
 * normalised exactly as they will be on the wire. Relative URLs resolve against `base`; path
 * entries (`'/api'`) mean the app's own origin, here the origin of `base`.
 *
 * @example
 * import { urlMatchesAllowlist } from 'ngx-cognito-gateway';
 * urlMatchesAllowlist('https://api.example.com/v1/tasks', ['https://api.example.com/v1']); // true
 * urlMatchesAllowlist('https://api.example.com/v10', ['https://api.example.com/v1']); // false
 * urlMatchesAllowlist('/v1/tasks', ['https://api.example.com/v1'], 'https://api.example.com/'); // true
 * urlMatchesAllowlist('/api/tasks', ['/api'], 'https://app.example.com/home'); // true
 * urlMatchesAllowlist('https://cdn.example.com/api/x', ['/api'], 'https://app.example.com/'); // false
 */
export function urlMatchesAllowlist(
  url: string,
  allowedUrls: readonly string[],
  base?: string,
): boolean {
  return compileAllowlist(allowedUrls)(url, { base });
}

/**
 * The page a request is made from: `base`, what relative URLs resolve against; `origin`, the
 * app's own origin, which path entries mean (default: the origin of `base`). `anyOrigin`: the
 * origin the browser will have is unknown (on the server, behind a proxy or while prerendering),
 * so a URL on the page's own origin matches by its path under every entry, whatever the entry's
 * origin.
 */
export interface PageContext {
  readonly base?: string | undefined;
  readonly origin?: string | undefined;
  readonly anyOrigin?: boolean;
}

/** A URL predicate with the allowlist parsed once, for the interceptor's per-request path. */
export type AllowlistMatcher = (url: string, page?: PageContext) => boolean;

/** Apps call a handful of URLs; a bound keeps an app that builds URLs from data from growing it. */
export const DECISION_MEMO_LIMIT = 256;

/**
 * `allowlisted`, remembered per request URL and page, so that each URL an app calls is parsed
 * once. A relative URL means another address once the page's base changes (`tasks` on `/api/page`
 * and on `/other/`), so a decision is only reused for the page it was made for.
 */
export function rememberDecisions(allowlisted: AllowlistMatcher): AllowlistMatcher {
  const decisions = new Map<string, boolean>();
  return (url, page = {}) => {
    const key = JSON.stringify([url, page.base, page.origin, page.anyOrigin]);
    let allowed = decisions.get(key);
    if (allowed === undefined) {
      if (decisions.size >= DECISION_MEMO_LIMIT) decisions.clear();
      decisions.set(key, (allowed = allowlisted(url, page)));
    }
    return allowed;
  };
}

/** Where a path entry is checked: any origin would do, this one cannot be a real host. */
const SOME_ORIGIN = 'https://path-entry.invalid';

/**
 * Parses the allowlist once. An entry is an absolute https URL (plain http only for loopback
 * hosts: anywhere else the token would cross the network readable), or a path starting with one
 * `/` (the app's own origin under that path; never `//` or a `\`, which the URL parser would read
 * as another host), without wildcard, user info, dot segments, query, fragment, spaces or control
 * characters. Any other entry matches nothing and is reported to `invalid` (message, option,
 * value), which the config check makes throw at start-up.
 */
export function compileAllowlist(
  allowedUrls: readonly string[],
  invalid?: (problem: string, option: string, value: unknown) => void,
): AllowlistMatcher {
  /** [origin (undefined: the app's own), path prefix ending in `/`] */
  const prefixes: [string | undefined, string][] = [];
  (Array.isArray(allowedUrls) ? allowedUrls : []).forEach((entry: unknown, index) => {
    // A path entry: one `/`, then no `/` or `\`, and no `\` anywhere (the parser reads `\` as `/`).
    const isPath = typeof entry === 'string' && /^\/(?![\\/])[^\\]*$/.test(entry);
    const url = parseHttpUrl(entry, isPath ? SOME_ORIGIN : undefined);
    if (
      url &&
      (!isPath || url.origin === SOME_ORIGIN) &&
      // No C0 control or space: the parser would drop or trim them, so `/v1/.\t./` (read as
      // `/v1/../`, the whole origin) would pass the dot-segment check below. With them refused,
      // that check sees what the parser sees. `*?#`: wildcards, query, fragment; dot segments
      // would silently widen `/v1/..` to the whole origin.
      // eslint-disable-next-line no-control-regex
      !/[\x00-\x20*?#]|[\\/](\.|%2e){1,2}([\\/]|$)/i.test(entry as string) &&
      !escapesPrefix(url.pathname) &&
      // A trailing-dot host would only ever match trailing-dot URLs.
      !url.hostname.endsWith('.') &&
      isSecure(url)
    ) {
      prefixes.push([isPath ? undefined : url.origin, url.pathname.replace(/\/*$/, '/')]);
    } else {
      invalid?.(
        `allowedUrls[${index}] ${JSON.stringify(entry)} must be an absolute https URL or a path starting with one /, without wildcard, user info, dot segments, query, fragment, spaces or control characters (http only on loopback)`,
        `allowedUrls[${index}]`,
        entry,
      );
    }
  });
  return (url, { base, origin = originOf(base), anyOrigin = false } = {}) => {
    const target = parseHttpUrl(url, base);
    if (!target) return false;
    const path = `${target.pathname}/`;
    const own = origin !== undefined && target.origin === origin;
    return prefixes.some(
      ([entryOrigin, prefix]) =>
        (entryOrigin === undefined
          ? own && (anyOrigin || isSecure(target))
          : target.origin === entryOrigin || (anyOrigin && own)) &&
        // `/v1/` covers `/v1` and `/v1/...`, never `/v10`: prefixes end on a segment boundary.
        path.startsWith(prefix) &&
        // What the URL parser leaves in the path, a backend may still decode or normalise:
        // under a path prefix, a path that could leave it that way matches nothing.
        (prefix === '/' || !escapesPrefix(path)),
    );
  };
}

/** https, or plain http on a loopback host. */
function isSecure(url: URL): boolean {
  return url.protocol === 'https:' || /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname);
}

/** The origin of an http(s) URL, or undefined. */
function originOf(url: string | undefined): string | undefined {
  return url === undefined ? undefined : parseHttpUrl(url)?.origin;
}

/**
 * Whether a backend could read `path` (as the URL parser left it) as leaving its prefix: some
 * segment that, decoded once more or again (proxies that decode twice: `%252e`), holds a `/` or
 * `\` (`..%2fadmin`), or is a dot segment with Tomcat/Spring path parameters (`..;`), or uses the
 * encodings lenient decoders turn into dots (`%u002e`, overlong UTF-8 `%c0%ae`), which no correct
 * encoder ever writes.
 */
function escapesPrefix(path: string): boolean {
  return path.split('/').some((segment) => {
    // Decoded until nothing changes; every round shortens it, so this ends.
    for (let previous = ''; previous !== segment;) {
      if (/[\\/]|%(u|c0|c1|e0%[89]|f0%8)|^(\.|%2e){1,2}(;|$)/i.test(segment)) return true;
      previous = segment;
      segment = segment.replace(/%([\da-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
    }
    return false;
  });
}

/**
 * http(s) URL without user info, or undefined. User info is how look-alikes hide the real host;
 * `https://@host/` even parses with empty user info, so any `@` in the authority counts.
 */
function parseHttpUrl(value: unknown, base?: string): URL | undefined {
  try {
    // Strings only: anything else, URL would stringify (running its code).
    if (typeof value === 'string' && (base === undefined || typeof base === 'string')) {
      const url = new URL(value, base);
      if (
        /^https?:$/.test(url.protocol) &&
        !url.username &&
        !url.password &&
        // Read the authority as the URL parser does: it drops every tab and newline and leading
        // C0 controls and spaces, and for http(s) takes any run of `/` and `\` (even none, as in
        // `https:@host`) after the scheme; without a scheme, `//` starts an authority.
        // eslint-disable-next-line no-control-regex
        !/^[\x00-\x20]*([a-z][a-z\d+.-]*:[\\/]*|[\\/]{2})[^/\\?#]*@/i.test(
          value.replace(/[\t\n\r]/g, ''),
        )
      ) {
        return url;
      }
    }
  } catch {
    // Not a URL: matches nothing.
  }
  return undefined;
}
