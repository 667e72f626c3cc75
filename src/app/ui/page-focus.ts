/**
 * After a navigation, focus goes to the new page's heading, as screen-reader users expect of a
 * single-page app: a page's own `h1`, else its toolbar title marked as the level-1 heading. Focus
 * the page itself put somewhere on the page stays where it is. The heading takes focus from script
 * only (`tabindex="-1"`), so Tab still starts at the page's first control.
 */
export function focusPageHeading(outlet: HTMLElement): void {
  // Ionic keeps the pages behind in the DOM, hidden; the shown one is the last not hidden.
  const pages = outlet.querySelectorAll<HTMLElement>(':scope > .ion-page:not(.ion-page-hidden)');
  const page = pages[pages.length - 1];
  if (!page) return;
  const active = document.activeElement;
  if (active && active !== document.body && page.contains(active)) return;
  const heading =
    page.querySelector<HTMLElement>('h1') ??
    page.querySelector<HTMLElement>('[role=heading][aria-level="1"]');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}
