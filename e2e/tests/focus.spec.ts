// Keyboard and screen-reader users keep their place: after each navigation the focus is on the
// new page's heading, and a focused control shows a ring of at least 3:1 against what is next to
// it (WCAG 2.4.7, 1.4.11), the selected day chip too.
import type { Locator, Page } from '@playwright/test';
import { apiAs, continueAs, expect, settled, signIn, test } from '../fixtures.ts';

test.describe.configure({ mode: 'serial' });

/** The focused element's words if it is a heading, else what it is instead. */
const focusedHeading = (page: Page) =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    const heading = el && (el.tagName === 'H1' || el.getAttribute('role') === 'heading');
    return heading ? el.textContent.trim() : 'not a heading: ' + (el ? el.tagName : 'nothing');
  })()`);

test('after each navigation the focus is on the new page’s heading, and Tab goes on from there', async ({
  page,
  e2e,
}) => {
  await page.goto(`${e2e.app.url}/sign-in`);
  await signIn(page, e2e);
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect.poll(() => focusedHeading(page)).toBe('Timers');
  // From the heading, Tab reaches the page's first control.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('new-timer')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/timers\/new$/);
  await expect.poll(() => focusedHeading(page)).toBe('New timer');

  await page.locator('app-timer-form ion-back-button').click();
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect.poll(() => focusedHeading(page)).toBe('Timers');

  await page.locator('app-signed-in-bar').getByRole('link', { name: 'Account' }).click();
  await expect.poll(() => focusedHeading(page)).toBe('Account');
  await page.locator('app-account').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect.poll(() => focusedHeading(page)).toBe('Sign in to Timers');
  await continueAs(page, e2e.user.username);
  await expect.poll(() => focusedHeading(page)).toBe('Choose how to sign in');
  await page.locator('app-sign-in-choice').getByRole('button', { name: 'Email me a code' }).click();
  await expect.poll(() => focusedHeading(page)).toBe('Enter the code from your email');
  await page.locator('app-email-code').getByRole('link', { name: 'Start again' }).click();
  await expect.poll(() => focusedHeading(page)).toBe('Sign in to Timers');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect.poll(() => focusedHeading(page)).toBe('Create an account');
});

interface RingReport {
  /** Pixels focus changed at all (a ring, and any tint Ionic adds). */
  changed: number;
  /** Pixels whose colour now has at least 3:1 against the colour there before (what it sits on). */
  strong: number;
}

/**
 * Compares two screenshots of the same area pixel by pixel, in a blank page (the app's own may
 * have a CSP): how many pixels focus changed, and how many of them by at least 3:1 in WCAG
 * contrast against the unfocused pixel at the same spot.
 */
async function compareRing(page: Page, unfocused: Buffer, focused: Buffer): Promise<RingReport> {
  const blank = await page.context().newPage();
  try {
    return (await blank.evaluate(`(async ([a, b]) => {
      const pixels = async (base64) => {
        const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,' + base64)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [before, after] = [await pixels(a), await pixels(b)];
      const luminance = (d, i) => {
        const linear = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * linear(d[i]) + 0.7152 * linear(d[i + 1]) + 0.0722 * linear(d[i + 2]);
      };
      let changed = 0;
      let strong = 0;
      for (let i = 0; i < before.length; i += 4) {
        const moved = Math.abs(before[i] - after[i]) + Math.abs(before[i + 1] - after[i + 1]) + Math.abs(before[i + 2] - after[i + 2]);
        if (moved < 30) continue;
        changed++;
        const [l1, l2] = [luminance(before, i), luminance(after, i)].sort((x, y) => y - x);
        if ((l1 + 0.05) / (l2 + 0.05) >= 3) strong++;
      }
      return { changed, strong };
    })(${JSON.stringify([unfocused.toString('base64'), focused.toString('base64')])})`)) as RingReport;
  } finally {
    await blank.close();
  }
}

/**
 * Screenshots `control` unfocused, then focused as by the keyboard (a key pressed first, so the
 * browser and Ionic show keyboard focus), and checks the difference holds a ring: at least as
 * many pixels as the control's outline is long changed by 3:1 or more against what was there.
 */
async function expectRing(page: Page, control: Locator, what: string): Promise<void> {
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  const box = (await control.boundingBox())!;
  const clip = { x: box.x - 6, y: box.y - 6, width: box.width + 12, height: box.height + 12 };
  const unfocused = await page.screenshot({ clip });
  await page.keyboard.press('Shift');
  await control.focus();
  await expect(control).toBeFocused();
  const focused = await page.screenshot({ clip });
  const ring = await compareRing(page, unfocused, focused);
  const perimeter = Math.round(2 * (box.width + box.height));
  expect(ring.changed, `${what}: pixels focus changed`).toBeGreaterThan(0);
  expect(ring.strong, `${what}: pixels changed by 3:1 or more`).toBeGreaterThanOrEqual(perimeter);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`a focused selected day chip shows a ring of at least 3:1, as every control does (${scheme})`, async ({
    page,
    e2e,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await apiAs(e2e).then((api) =>
      api('POST', '/tasks', {
        name: 'Focus',
        hour: 7,
        minute: 0,
        daysOfWeek: ['MON'],
        executionCommand: '/bin/true',
      }),
    );
    await page.goto(`${e2e.app.url}/sign-in`);
    await signIn(page, e2e);
    await expect(page.getByTestId('timer-list')).toBeVisible();
    await settled(page);
    await expectRing(page, page.getByTestId('new-timer').locator('a'), 'toolbar button');
    await expectRing(
      page,
      page.locator('app-signed-in-bar').getByRole('link', { name: 'Account' }),
      'signed-in bar link',
    );
    await expectRing(page, page.getByTestId('timer-list').locator('a.item-native'), 'list row');

    await page.getByTestId('new-timer').click();
    await expect(page).toHaveURL(/\/timers\/new$/);
    await settled(page);
    const monday = page.getByRole('checkbox', { name: 'Monday' });
    await expect(monday).toHaveAttribute('aria-checked', 'true');
    await expectRing(page, monday, 'selected day chip');
    await expect(monday).toHaveAttribute('aria-checked', 'true');
    await expectRing(page, page.getByRole('checkbox', { name: 'Saturday' }), 'day chip');
    await expectRing(page, page.getByRole('button', { name: 'Save' }), 'Save button');
  });
}
