// The production build under the headers Amplify Hosting gets (hosting/custom-headers.yml), filled
// in the way scripts/hosting.sh fills them, with the local stack's origins instead of AWS's.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  fillCustomHeaders,
  headersFor,
  parseCustomHeaders,
  readCustomHeadersTemplate,
} from '../../scripts/custom-headers.ts';
import { expect, signIn, test } from '../fixtures.ts';
import { APP_DIST as appDir } from '../../tools/paths.ts';

test.describe.configure({ mode: 'serial' });

test.beforeEach(({ e2e }) => {
  e2e.app.headerRules = parseCustomHeaders(
    fillCustomHeaders(readCustomHeadersTemplate(), {
      apiOrigin: e2e.apiOrigin,
      cognitoOrigin: new URL(e2e.stack.urls.cognito).origin,
    }),
  );
});

test.afterEach(({ e2e }) => {
  e2e.app.headerRules = [];
});

/** Every CSP violation the page reports, as the browser's event and as console errors. */
async function watchCsp(page: Page): Promise<{ violations: string[]; errors: string[] }> {
  const seen = { violations: [] as string[], errors: [] as string[] };
  await page.exposeFunction('reportCspViolation', (text: string) => seen.violations.push(text));
  // A string, not a function: the Node-side type check has no DOM types.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
    reportCspViolation(e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile))`);
  page.on('console', (message) => {
    const { url } = message.location();
    // The browser's own favicon request: the demo ships none, a static host answers 404.
    if (url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error') seen.errors.push(`${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) seen.errors.push(`${response.status()} ${response.url()}`);
  });
  return seen;
}

test('every inline script of the production index.html is allowed by its hash', () => {
  const csp = headersFor(parseCustomHeaders(readCustomHeadersTemplate()), '/')[
    'content-security-policy'
  ];
  const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp ?? '')?.[1] ?? '';
  const html = readFileSync(join(appDir, 'index.html'), 'utf8');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
  for (const [, body] of inline) {
    const hash = `'sha256-${createHash('sha256').update(body!).digest('base64')}'`;
    expect(scriptSrc.split(/\s+/), `hosting/custom-headers.yml script-src needs ${hash}`).toContain(
      hash,
    );
  }
});

test('signed in and listing timers under the shipped CSP, nothing is blocked', async ({
  page,
  e2e,
}) => {
  const seen = await watchCsp(page);
  const response = await page.goto(`${e2e.app.url}/timers`);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain(`connect-src 'self' ${e2e.apiOrigin} `);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');

  await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Ftimers$/);
  const listed = page.waitForResponse(
    (r) => r.url().startsWith(`${e2e.apiOrigin}/tasks?`) && r.request().method() === 'GET',
  );
  await signIn(page, e2e);
  expect((await listed).status()).toBe(200);
  await expect(page).toHaveURL(`${e2e.app.url}/timers`);
  await expect(page.getByTestId('empty-state').or(page.getByTestId('timer-list'))).toBeVisible();
  // The full stylesheet applied: the inline script that swaps it from media=print ran.
  await expect(page.locator('link[rel=stylesheet]').first()).toHaveAttribute('media', 'all');
  // A deep link reloads into the app, as under Amplify's SPA rewrite.
  await page.reload();
  await expect(page.getByTestId('empty-state').or(page.getByTestId('timer-list'))).toBeVisible();

  expect(seen.violations).toEqual([]);
  expect(seen.errors).toEqual([]);

  // Control: the same watch does see a blocked request, so the empty lists above mean something.
  const elsewhere = 'http://127.0.0.1:9/not-allowed';
  await page.evaluate((url) => fetch(url).catch(() => undefined), elsewhere);
  await expect.poll(() => seen.violations).toEqual([expect.stringContaining(elsewhere)]);
});
