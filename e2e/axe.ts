import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core on the page as it is now, WCAG 2.x A/AA rules plus best practices; fails on any
 * serious or critical violation, naming the rule and the elements so the report says what to fix.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await transitionsDone(page);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking, `axe on ${what}`).toEqual([]);
}

/** Console errors the page logs from now on (a page in an error state logs on purpose). */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Waits until no CSS transition or animation is running (at most 2 s): a colour half-way through
 * a transition (after a scheme switch, a press, a focus change) is no state a person reads, and
 * axe measuring it reports contrast that is not there. Infinite animations (spinners) are left.
 */
async function transitionsDone(page: Page): Promise<void> {
  // A string, not a function: the Node-side type check has no DOM types.
  await page.evaluate(`Promise.race([
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
    new Promise((resolve) => setTimeout(resolve, 2000)),
  ])`);
}
