// Entity tags for lost-update prevention (RFC 9110 §8.8.3, §13.1.1). A task's ETag is its version
// quoted; If-Match is compared strongly, so a weak tag (W/"3") never matches.

/** The strong ETag of a task at `version`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** `*`, or the entity tags listed (`W/"x"` is weak). */
export type IfMatch = '*' | readonly { readonly weak: boolean; readonly tag: string }[];

/** Longest If-Match read (the contract's maxLength): a value past it is refused, not parsed. */
export const MAX_IF_MATCH_CHARS = 1024;

/**
 * An If-Match header as `*`, the list of entity tags it names (weak ones marked), or undefined
 * when it is not an If-Match value naming at least one. Entity tags may contain commas, so the
 * list is read tag by tag rather than split. Empty list elements (`, "1"`, `"9",, "1"`) are
 * skipped, as RFC 9110 §5.6.1.2 requires of recipients.
 */
export function parseIfMatch(header: string): IfMatch | undefined {
  if (header.length > MAX_IF_MATCH_CHARS) return undefined;
  if (header.trim() === '*') return '*';
  const tags: { weak: boolean; tag: string }[] = [];
  // #entity-tag = [ element ] *( OWS "," OWS [ element ] ); entity-tag = [ "W/" ] DQUOTE *etagc
  // DQUOTE; etagc = %x21 / %x23-7E / obs-text
  const item = /[ \t]*(?:(W\/)?"([\x21\x23-\x7e\x80-\xff]*)")?[ \t]*(,|$)/y;
  let at = 0;
  while (at < header.length) {
    item.lastIndex = at;
    const match = item.exec(header);
    if (!match || item.lastIndex === at) return undefined;
    if (match[2] !== undefined) tags.push({ weak: match[1] !== undefined, tag: match[2] });
    at = item.lastIndex;
  }
  return tags.length > 0 ? tags : undefined;
}

/** Whether If-Match (already parsed) lets a change to the task at `version` go ahead. */
export function ifMatchAllows(condition: IfMatch, version: number): boolean {
  if (condition === '*') return true;
  return condition.some(({ weak, tag }) => !weak && `"${tag}"` === etagOf(version));
}
