// One browser context, several tabs of the demo: one refresh per expiry across them, a sign-out
// seen everywhere, a switch of users that never mixes two users on one screen, and a rotated-out
// refresh token refused. What reached Cognito is its refresh log (local/cognito/refresh-calls.ts);
// what reached the API, the gateway's access log.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { resetLocalClock, setLocalClock } from '../../local/cognito/local-clock.ts';
import { refreshCalls } from '../../local/cognito/refresh-calls.ts';
import { REFRESH_TOKEN_GRACE_SECONDS, seedCognito } from '../../local/cognito/seed.ts';
import { apiAs, expect, jwtPayload, signIn, test, type E2eStack } from '../fixtures.ts';
import {
  claimsOf,
  gatewayLog,
  reloadList,
  signedInTabs,
  storedSession,
  untilDue,
} from '../tabs.ts';

test.describe.configure({ mode: 'serial' });

/**
 * Cognito's minimum is 5 minutes on AWS; cognito-local takes seconds. Amplify takes a token for
 * expired 5 s before its exp, so a shorter life would look expired from the start; the interceptor
 * asks for a new one a quarter of the life before exp. 6 s: a new token about every 4.5 s.
 */
const LIFETIME = 6;

async function withShortLivedTokens(e2e: E2eStack, run: () => Promise<void>): Promise<void> {
  const cognito = e2e.stack.urls.cognito;
  await seedCognito(cognito, { tokenLifetimes: { accessSeconds: LIFETIME, idSeconds: LIFETIME } });
  try {
    await run();
  } finally {
    await seedCognito(cognito); // back to the stack's lifetimes for the tests after this one
  }
}

const calls = (e2e: E2eStack) =>
  refreshCalls(e2e.stack.cognitoDataDir, { user: e2e.user.username });

/** Whether a tab of the origin holds, or waits for, the library's refresh lock. */
async function refreshLock(page: Page): Promise<{ held: boolean; waiting: boolean }> {
  return (await page.evaluate(`navigator.locks.query().then(({ held = [], pending = [] }) => {
    const isRefresh = (lock) =>
      lock.name.startsWith('ngx-cognito-gateway:refresh:') && !lock.name.includes(':refreshed:');
    return { held: held.some(isRefresh), waiting: pending.some(isRefresh) };
  })`)) as { held: boolean; waiting: boolean };
}

/**
 * Per tab, by the page's clock: when it cleared the session (the tab that signs out), when it saw
 * another tab clear it (a storage event), and every URL the router went to.
 */
const RECORD_SIGN_OUT = `(() => {
  const record = { cleared: 0, seen: 0, urls: [] };
  window.signOutRecord = record;
  const isAccessToken = (key) =>
    !!key && key.startsWith('CognitoIdentityServiceProvider.') && key.endsWith('.accessToken');
  const removeItem = Storage.prototype.removeItem;
  Storage.prototype.removeItem = function (key) {
    if (isAccessToken(key) && this.getItem(key) !== null) record.cleared ||= Date.now();
    return removeItem.call(this, key);
  };
  addEventListener('storage', (event) => {
    if (isAccessToken(event.key) && event.newValue === null) record.seen ||= Date.now();
  });
  for (const method of ['pushState', 'replaceState']) {
    const original = history[method];
    history[method] = function (...args) {
      original.apply(this, args);
      record.urls.push({ at: Date.now(), url: location.pathname + location.search });
    };
  }
})()`;
interface SignOutRecord {
  cleared: number;
  seen: number;
  urls: { at: number; url: string }[];
}

/**
 * Every screen a tab shows, to `recordScreen`: the address in its signed-in bar and the timers
 * listed, on the pages not hidden (both while Ionic's transition runs), on every change.
 */
const RECORD_SCREENS = `(() => {
  let last = '';
  const text = (element) => (element && element.textContent ? element.textContent.trim() : '');
  const read = () => {
    if (document.documentElement.hidden) return; // reloading: nothing is shown
    const pages = [
      ...document.querySelectorAll('ion-router-outlet > .ion-page:not(.ion-page-hidden)'),
    ];
    const emails = pages
      .map((p) => text(p.querySelector('[data-testid=signed-in-as] strong')))
      .filter(Boolean);
    const timers = pages.flatMap((p) =>
      [...p.querySelectorAll('[data-testid=timer-list] h2')].map(text),
    );
    const screen = JSON.stringify({ emails, timers });
    if (screen === last) return;
    last = screen;
    window.recordScreen({ emails, timers });
  };
  new MutationObserver(read).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class', 'hidden'],
  });
})()`;

test('three tabs across 20 expiries: one refresh call each, every next call with the new token', async ({
  context,
  e2e,
}) => {
  test.setTimeout(240_000);
  await withShortLivedTokens(e2e, async () => {
    const tabs = await signedInTabs(context, e2e, 3);
    let token = (await storedSession(tabs[0]!)).accessToken!;
    const before = (await calls(e2e)).length; // opening the tabs may have refreshed already
    const perExpiry: number[] = [];
    const started = Date.now();
    for (let expiry = 1; expiry <= 20; expiry++) {
      await untilDue(token);
      const known = (await calls(e2e)).length;
      const round = await Promise.all(tabs.map((tab) => reloadList(tab, e2e)));
      perExpiry.push((await calls(e2e)).length - known);
      const fresh = round[0]!.token!;
      expect(fresh, `expiry ${expiry}`).not.toBe(token);
      expect(round, `expiry ${expiry}`).toEqual(tabs.map(() => ({ status: 200, token: fresh })));
      token = fresh;
    }
    const seconds = (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // nothing arrives late
    const made = (await calls(e2e)).slice(before);
    console.log(`refresh calls per expiry: ${perExpiry.join(' ')} (20 expiries in ${seconds} s)`);
    expect(perExpiry).toEqual(Array(20).fill(1));
    expect(made.length).toBe(20);
    // Each with the newest refresh token: none rotated out, none in its grace period.
    expect(made.filter((c) => c.outcome !== 'ok' || c.inGracePeriod || !c.rotated)).toEqual([]);
    for (const tab of tabs) await expect(tab).toHaveURL(`${e2e.app.url}/timers`);
  });
});

test('a tab closed in the middle of its refresh holds no other tab back', async ({
  context,
  e2e,
}) => {
  await withShortLivedTokens(e2e, async () => {
    const [closing, other] = await signedInTabs(context, e2e, 2);
    // The closing tab's calls to Cognito go to a server that never answers: it holds the lock
    // while it waits, and nothing it sends reaches Cognito.
    const silent = createServer(() => undefined);
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    const nowhere = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const cognito = new URL(e2e.stack.urls.cognito).origin;
    await closing!.route(
      (url) => url.origin === cognito,
      (route) => route.continue({ url: nowhere }),
    );
    const token = (await storedSession(closing!)).accessToken!;
    await untilDue(token);
    const known = (await calls(e2e)).length;
    reloadList(closing!, e2e).catch(() => undefined); // cut off when the tab closes
    await expect.poll(async () => (await refreshLock(other!)).held).toBe(true);
    const waiting = reloadList(other!, e2e);
    await expect.poll(async () => (await refreshLock(other!)).waiting).toBe(true);

    const closed = Date.now();
    await closing!.close();
    const call = await waiting;
    const waited = Date.now() - closed;
    console.log(
      `after the refreshing tab closed, the other tab's call was answered in ${waited} ms`,
    );
    expect(call.status).toBe(200);
    expect(call.token).not.toBe(token);
    expect(waited).toBeLessThan(5_000); // a hung holder would keep the lock 10 s
    expect((await calls(e2e)).slice(known).map((c) => c.outcome)).toEqual(['ok']);
    silent.closeAllConnections();
    silent.close();
  });
});

test('a sign-out in one tab brings the others to sign-in within 1 s, and the old token goes nowhere after it', async ({
  context,
  e2e,
}) => {
  await context.addInitScript(RECORD_SIGN_OUT);
  const tabs = await signedInTabs(context, e2e, 3);
  const old = jwtPayload((await storedSession(tabs[0]!)).accessToken!);

  await tabs[0]!.locator('app-signed-in-bar').getByRole('button', { name: 'Sign out' }).click();
  const others = tabs.slice(1);
  await Promise.all(
    others.map((tab) =>
      expect(tab).toHaveURL(`${e2e.app.url}/sign-in?returnUrl=%2Ftimers&reason=signed-out`, {
        timeout: 1_000,
      }),
    ),
  );
  await expect(tabs[0]!).toHaveURL(`${e2e.app.url}/sign-in`);
  for (const tab of others) {
    await expect(tab.getByTestId('sign-in-note')).toHaveText(
      'You were signed out in another tab or window.',
    );
  }
  const records = (await Promise.all(
    tabs.map((tab) => tab.evaluate('window.signOutRecord')),
  )) as SignOutRecord[];
  const cleared = records[0]!.cleared;
  const seenAfter = records.slice(1).map((r) => r.seen - cleared);
  const signInAfter = records
    .slice(1)
    .map((r) => r.urls.find(({ url }) => url.startsWith('/sign-in'))!.at - cleared);
  console.log(
    `sign-out seen by the other tabs after ${seenAfter.join(', ')} ms, on sign-in after ${signInAfter.join(', ')} ms`,
  );
  expect(cleared).toBeGreaterThan(0);
  expect(Math.max(...signInAfter)).toBeLessThanOrEqual(1_000);

  // The list pages the tabs keep in Ionic's stack call the API again: never with the old token.
  for (const tab of others) expect(await reloadList(tab, e2e)).toEqual({ status: 401 });
  const after = (await gatewayLog(e2e)).filter((entry) => entry.requestTimeEpoch >= cleared);
  expect(after.filter((entry) => entry.path === '/tasks').length).toBeGreaterThanOrEqual(2);
  expect(after.filter((entry) => claimsOf(entry)?.jti === old['jti'])).toEqual([]);
});

test('signing in as the other user in one tab: no tab ever shows one user’s timers with the other’s token', async ({
  context,
  e2e,
}) => {
  const [a, b] = [e2e.user, e2e.otherUser];
  const named = {
    [a.username]: 'Timer of the first user',
    [b.username]: 'Timer of the second user',
  };
  for (const user of [a, b]) {
    const api = await apiAs({ ...e2e, user });
    const created = await api('POST', '/tasks', {
      name: named[user.username],
      hour: 7,
      minute: 0,
      daysOfWeek: ['MON'],
      executionCommand: '/bin/true',
    });
    expect(created.status).toBe(201);
  }

  const screens: { tab: number; emails: string[]; timers: string[] }[] = [];
  const tabOf = new Map<Page, number>(); // in the order the tabs open
  context.on('page', (page) => tabOf.set(page, tabOf.size));
  await context.exposeBinding(
    'recordScreen',
    ({ page }, screen: { emails: string[]; timers: string[] }) => {
      screens.push({ tab: tabOf.get(page)!, ...screen });
    },
  );
  await context.addInitScript(RECORD_SCREENS);
  // The user each page load (document) of each tab sent tokens of.
  const sentBy = new Map<string, Set<unknown>>();
  context.on('page', (page) => {
    let documents = 0;
    page.on('domcontentloaded', () => documents++);
    page.on('request', (request) => {
      const token = request.headers()['authorization']?.replace(/^Bearer /, '');
      if (!token || !request.url().startsWith(e2e.apiOrigin)) return;
      const key = `tab ${tabOf.get(page)} document ${documents}`;
      sentBy.set(key, (sentBy.get(key) ?? new Set()).add(jwtPayload(token)['sub']));
    });
  });

  const tabs = await signedInTabs(context, e2e, 3, a);
  for (const tab of tabs)
    await expect(tab.getByTestId('timer-list')).toContainText(named[a.username]!);

  const [first] = tabs;
  await first!.locator('app-signed-in-bar').getByRole('button', { name: 'Sign out' }).click();
  await expect(first!).toHaveURL(`${e2e.app.url}/sign-in`);
  await signIn(first!, { ...e2e, user: b });
  for (const tab of tabs) {
    await expect(tab).toHaveURL(`${e2e.app.url}/timers`, { timeout: 30_000 });
    await expect(tab.getByTestId('timer-list')).toContainText(named[b.username]!);
    await expect(tab.getByTestId('signed-in-as')).toHaveText(`Signed in as ${b.username}`);
  }

  const mixed = screens.filter(
    ({ emails, timers }) =>
      new Set(emails).size > 1 ||
      (timers.includes(named[a.username]!) && timers.includes(named[b.username]!)) ||
      emails.some((email) => timers.some((timer) => timer !== named[email])),
  );
  expect(mixed).toEqual([]);
  // The recorder saw every tab with each user's timers, under that user's address.
  for (const [tab] of tabs.entries()) {
    for (const user of [a, b]) {
      expect(
        screens.some(
          (s) =>
            s.tab === tab &&
            s.emails.includes(user.username) &&
            s.timers.includes(named[user.username]!),
        ),
        `tab ${tab} showed ${user.username}`,
      ).toBe(true);
    }
  }
  for (const [document, subs] of sentBy) expect(subs.size, document).toBe(1);
});

test('a refresh token used again after its grace period is refused, and the app asks to sign in again', async ({
  context,
  e2e,
}) => {
  await withShortLivedTokens(e2e, async () => {
    const [tab] = await signedInTabs(context, e2e, 1);
    const first = await storedSession(tab!);
    await untilDue(first.accessToken!);
    expect((await reloadList(tab!, e2e)).status).toBe(200);
    const second = await storedSession(tab!);
    expect(second.refreshToken).not.toBe(first.refreshToken); // rotated

    // The first refresh token comes back (a copy kept somewhere), after its grace period.
    await tab!.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [second.refreshTokenKey, first.refreshToken],
    );
    setLocalClock(e2e.stack.cognitoDataDir, REFRESH_TOKEN_GRACE_SECONDS + 5);
    try {
      await untilDue(second.accessToken!);
      reloadList(tab!, e2e).catch(() => undefined);
      await expect(tab!).toHaveURL(`${e2e.app.url}/sign-in?returnUrl=%2Ftimers&reason=expired`);
      await expect(tab!.getByTestId('sign-in-note')).toHaveText(
        'Your session ended. Please sign in again.',
      );
      expect((await calls(e2e)).at(-1)).toMatchObject({
        outcome: 'RefreshTokenReuseException',
        rotated: false,
      });
      expect(await storedSession(tab!)).toEqual({
        accessToken: undefined,
        refreshToken: undefined,
        refreshTokenKey: undefined,
      });
    } finally {
      resetLocalClock(e2e.stack.cognitoDataDir);
    }
  });
});
