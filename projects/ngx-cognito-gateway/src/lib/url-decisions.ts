import type { AllowlistMatcher, PageContext } from './url-allowlist';

/** Apps call a handful of URLs; a bound keeps an app that builds URLs from data from growing it. */
export const DECISION_MEMO_LIMIT = 256;

/**
 * `allowlisted`, remembered per page base URL and request URL, so each is parsed once. A relative
 * URL means another address once the page's base changes (`tasks` on `/api/page` and on
 * `/other/`), so a decision is only reused under the base it was made for. `page` is read on every
 * request (its `origin` is the document's or the render's, which never changes under one base); a
 * throw from it means "no page", so relative URLs and path entries match nothing.
 */
export function memoizeDecisions(
  allowlisted: AllowlistMatcher,
  page: () => PageContext,
): (url: string) => boolean {
  /** base URL → request URL → decision */
  const decisions = new Map<string | undefined, Map<string, boolean>>();
  let size = 0;
  return (url) => {
    let context: PageContext = {};
    try {
      context = page();
    } catch {
      // No page: relative URLs match nothing.
    }
    let underBase = decisions.get(context.base);
    let allowed = underBase?.get(url);
    if (allowed === undefined) {
      if (size >= DECISION_MEMO_LIMIT) {
        decisions.clear();
        size = 0;
        underBase = undefined;
      }
      if (!underBase) decisions.set(context.base, (underBase = new Map()));
      underBase.set(url, (allowed = allowlisted(url, context)));
      size++;
    }
    return allowed;
  };
}
