// Helpers of the several-tabs scenarios (tests/tabs.spec.ts): tabs of one browser context, the
// app's own calls made on demand, what each tab stored, and the gateway's access log.
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import type { AccessLogEntry } from '../local/gateway/access-log.ts';
import type { Credentials } from '../local/cognito/seed.ts';
import { expect, jwtPayload, signIn, type E2eStack } from './fixtures.ts';

/** Tabs of `context`, all signed in as `user`: the first through the sign-in page, the others opened on the list. */
export async function signedInTabs(
  context: BrowserContext,
  e2e: E2eStack,
  count: number,
  user: Credentials = e2e.user,
): Promise<Page[]> {
  const first = await context.newPage();
  await first.goto(`${e2e.app.url}/sign-in`);
  await signIn(first, { ...e2e, user });
  const tabs = [first];
  while (tabs.length < count) {
    const tab = await context.newPage();
    await tab.goto(`${e2e.app.url}/timers`);
    tabs.push(tab);
  }
  for (const tab of tabs) {
    await expect(tab).toHaveURL(`${e2e.app.url}/timers`);
    await expect(tab.getByTestId('list-status')).toBeAttached();
  }
  return tabs;
}

export interface ListCall {
  status: number;
  /** The access token the call carried, if any. */
  token?: string;
}

/**
 * The list page's own call for its first page, as pull-to-refresh makes it (its `ionRefresh`
 * event, without the gesture), on the list page the tab keeps (shown, or hidden in Ionic's stack).
 */
export async function reloadList(page: Page, e2e: E2eStack): Promise<ListCall> {
  const answered = page.waitForResponse(
    (r) => r.url().startsWith(`${e2e.apiOrigin}/tasks?`) && r.request().method() === 'GET',
  );
  await page.evaluate(`(() => {
    const refresher = document.querySelector('app-timer-list ion-refresher');
    if (!refresher) throw new Error('no list page in this tab');
    refresher.dispatchEvent(new CustomEvent('ionRefresh', { detail: {} }));
  })()`);
  const response = await answered;
  const authorization = response.request().headers()['authorization'];
  return { status: response.status(), token: authorization?.replace(/^Bearer /, '') };
}

/** What Amplify stored in the tab's localStorage: the session's tokens and their keys. */
export async function storedSession(page: Page) {
  return page.evaluate(() => {
    const entry = (suffix: string) =>
      Object.entries(localStorage).find(
        ([key]) => key.startsWith('CognitoIdentityServiceProvider.') && key.endsWith(suffix),
      );
    return {
      accessToken: entry('.accessToken')?.[1],
      refreshToken: entry('.refreshToken')?.[1],
      refreshTokenKey: entry('.refreshToken')?.[0],
    };
  });
}

/**
 * Waits until the interceptor finds `token` due: a quarter of its lifetime before `exp` (short-lived
 * tokens; docs/architecture.md), and a moment more.
 */
export async function untilDue(token: string): Promise<void> {
  const { exp, iat } = jwtPayload(token) as { exp: number; iat: number };
  const due = exp * 1000 - ((exp - iat) * 1000) / 4;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due + 250 - Date.now())));
}

/** The gateway's access log so far. */
export async function gatewayLog(e2e: E2eStack): Promise<AccessLogEntry[]> {
  const text = await readFile(e2e.gatewayLog, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AccessLogEntry);
}

/** The claims the gateway verified for a logged request, if it was authorized. */
export function claimsOf(entry: AccessLogEntry): Record<string, unknown> | undefined {
  return entry.authorizer && 'claims' in entry.authorizer ? entry.authorizer.claims : undefined;
}
