// What the consumer tests that open their app in Chromium share: Debian's Chromium, the page's
// errors, and reading what the page and the API saw.
import assert from 'node:assert/strict';
import { chromium, type Page } from '@playwright/test';

export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env['CHROME_BIN'] || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });

/** The page's uncaught errors and console errors, as they happen. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** The `sub` of a `Bearer <JWT>` header value, or undefined. */
export function subjectOf(header: string | string[] | undefined): string | undefined {
  const payload = /^Bearer [\w-]+\.([\w-]+)\.[\w-]*$/.exec(String(header ?? ''))?.[1];
  return payload && JSON.parse(Buffer.from(payload, 'base64url').toString()).sub;
}

/** The JSON text of the page's `ng-state` script (Angular's transfer state), or a failure. */
export function transferState(html: string): string {
  const state = /<script id="ng-state" type="application\/json">(.*?)<\/script>/s.exec(html);
  assert.ok(state, 'no transfer state in the page: is hydration on?');
  return state[1]!;
}
