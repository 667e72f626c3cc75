import type { AllowlistMatcher } from './url-allowlist';

/** Apps call a handful of URLs; a bound keeps an app that builds URLs from data from growing it. */
export const DECISION_MEMO_LIMIT = 256;

/**
 * `allowlisted`, remembered per URL so each is parsed once. `baseUrl` says where relative URLs
 * point; it is read per new URL, never up front, and a throw from it means "no base URL", so
 * relative URLs match nothing and go out as they are.
 */
export function memoizeDecisions(
  allowlisted: AllowlistMatcher,
  baseUrl: () => string | undefined,
): (url: string) => boolean {
  const decisions = new Map<string, boolean>();
  return (url) => {
    let allowed = decisions.get(url);
    if (allowed === undefined) {
      let base: string | undefined;
      try {
        base = baseUrl();
      } catch {
        // No base URL: relative URLs match nothing.
      }
      if (decisions.size >= DECISION_MEMO_LIMIT) decisions.clear();
      decisions.set(url, (allowed = allowlisted(url, base)));
    }
    return allowed;
  };
}
