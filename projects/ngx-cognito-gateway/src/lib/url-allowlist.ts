/**
 * The one decision that keeps a user's token away from everyone but their API: does this request
 * URL fall under one of the allowlisted API URLs? Pure and total: never throws, `false` for
 * anything it cannot parse.
 *
 * Both sides go through the WHATWG URL parser (what the browser itself will use to send the
 * request), so host case, default ports, IDNA, `\` vs `/`, and `.`/`..`/`%2e` segments are
 * normalised exactly as they will be on the wire.
 */
export function urlMatchesAllowlist(
  url: string,
  allowedUrls: readonly string[],
  base?: string,
): boolean {
  return compileAllowlist(allowedUrls)(url, base);
}

/** A URL predicate with the allowlist parsed once, for the interceptor's per-request path. */
export type AllowlistMatcher = (url: string, base?: string) => boolean;

interface AllowedPrefix {
  readonly protocol: string;
  readonly host: string; // hostname + ":" + port, port '' when default
  /** Path without trailing slash; '' means the whole origin. */
  readonly path: string;
}

export function compileAllowlist(allowedUrls: readonly string[]): AllowlistMatcher {
  const prefixes: AllowedPrefix[] = [];
  for (const entry of Array.isArray(allowedUrls) ? allowedUrls : []) {
    const parsed = parseHttpUrl(entry);
    if (parsed && !parsed.search && !parsed.hash) {
      prefixes.push({
        protocol: parsed.protocol,
        host: parsed.host,
        path: parsed.pathname.replace(/\/+$/, ''),
      });
    }
  }
  return (url, base) => {
    const target = parseHttpUrl(url, base);
    if (!target) return false;
    for (const prefix of prefixes) {
      if (
        target.protocol === prefix.protocol &&
        target.host === prefix.host &&
        pathIsUnder(target.pathname, prefix.path)
      ) {
        return true;
      }
    }
    return false;
  };
}

/** `/v1` covers `/v1` and `/v1/...`, never `/v10`: prefixes end on a segment boundary. */
function pathIsUnder(pathname: string, prefix: string): boolean {
  return (
    prefix === '' ||
    pathname === prefix ||
    (pathname.startsWith(prefix) && pathname.charCodeAt(prefix.length) === 47) /* '/' */
  );
}

/** http(s) URL without userinfo, or undefined. Userinfo is how look-alikes hide the real host. */
export function parseHttpUrl(value: unknown, base?: string): URL | undefined {
  if (typeof value !== 'string' || (base !== undefined && typeof base !== 'string')) {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(value, base);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.username !== '' || parsed.password !== '' || hasEmptyUserinfo(value)) return undefined;
  if (parsed.hostname === '') return undefined;
  return parsed;
}

/**
 * `https://@host/` parses with empty userinfo; a person (or a log scanner) reading it may not see
 * the host the browser does, so any `@` in the authority counts as userinfo.
 */
function hasEmptyUserinfo(value: string): boolean {
  // The URL parser skips leading C0 controls and spaces, so this must too.
  // eslint-disable-next-line no-control-regex
  const authority = /^[\s\x00-\x1f]*(?:[a-z][a-z0-9+.-]*:)?[\\/]{2}([^/\\?#]*)/i.exec(value)?.[1];
  return authority !== undefined && authority.includes('@');
}
