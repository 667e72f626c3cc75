// Angular-free: the cursor of the next page, read from an RFC 8288 `Link` header.

/**
 * The `cursor` of the `rel="next"` link in a `Link` header (RFC 8288 §3), the link resolved
 * against the URL of the request that got it; undefined when there is no next link (the last
 * page, a server that does not page, or a Link header CORS did not expose).
 */
export function nextCursor(link: string | null, requestUrl: string): string | undefined {
  if (!link) return undefined;
  // link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param ); values are comma-separated,
  // and a URI never holds a raw ">", so each value is found by its brackets.
  // Parameter values may be quoted strings holding commas and semicolons.
  const value = /<([^>]*)>((?:\s*;(?:[^;,"]|"[^"]*")*)*)/g;
  for (const [, target = '', params = ''] of link.matchAll(value)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!relations.includes('next')) continue;
    try {
      const base = new URL(requestUrl, 'http://relative.invalid/');
      return new URL(target, base).searchParams.get('cursor') ?? undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
