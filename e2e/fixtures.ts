import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { ensureUser, signIn as cognitoSignIn, type Credentials } from '../local/cognito/seed.ts';
import { startLocalStack, type LocalStack } from '../local/stack.ts';
import { APP_DIST as appDir } from '../tools/paths.ts';
import { screenshots } from './paths.ts';
import { serveApp, type StaticApp } from './static-server.ts';

export interface E2eStack {
  stack: LocalStack;
  /** This test's own user: nobody else signs in as it, so its list starts empty. */
  user: Credentials;
  /** A second user of this test's own, to see that users never see each other's timers. */
  otherUser: Credentials;
  /** Origin listed in the gateway's allowed origins. */
  app: StaticApp;
  /** Same build and config, from an origin the gateway does not allow. */
  foreignApp: StaticApp;
  /**
   * `app` at http://localhost:<port>, an allowed origin too: browsers refuse WebAuthn on an IP
   * address, so passkeys work here (the local Cognito's relying party is `localhost`).
   */
  passkeyUrl: string;
  apiOrigin: string;
  /** The gateway's access log: one JSON line per request (local/gateway/access-log.ts). */
  gatewayLog: string;
}

type Shared = Omit<E2eStack, 'user' | 'otherUser'>;

/**
 * One fresh stack per worker (one worker): fresh cognito-local data, in-memory Timer store. Every
 * test shares it, but signs in as users of its own, so no test depends on what another left.
 */
export const test = base.extend<{ e2e: E2eStack }, { shared: Shared }>({
  e2e: async ({ shared }, use, testInfo) => {
    const password = 'E2e-Passw0rd!';
    // Unique per test, repeat and retry; cognito-local's pool has email usernames.
    const name = `${testInfo.testId}-r${testInfo.repeatEachIndex}-t${testInfo.retry}`;
    const user = { username: `e2e-${name}@example.com`, password };
    const otherUser = { username: `e2e-other-${name}@example.com`, password };
    for (const u of [user, otherUser]) {
      await ensureUser(shared.stack.urls.cognito, shared.stack.userPoolId, u.username, u.password);
    }
    await use({ ...shared, user, otherUser });
  },
  shared: [
    async ({}, use) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'e2e-cognito-'));
      const app = await serveApp(appDir);
      const foreignApp = await serveApp(appDir);
      const passkeyUrl = onLocalhost(app.url);
      let stack: LocalStack | undefined;
      const gatewayLog = join(dataDir, 'gateway-access.jsonl');
      try {
        stack = await startLocalStack({
          ports: { cognito: 0, timer: 0, gateway: 0, app: 0 },
          app: false,
          cognitoDataDir: dataDir,
          timerDb: ':memory:',
          configFile: false,
          allowedOrigins: [app.url, passkeyUrl],
          gatewayAccessLog: gatewayLog,
        });
        app.config = stack.config;
        foreignApp.config = stack.config;
        const apiOrigin = new URL(stack.urls.gateway).origin;
        await use({ stack, app, foreignApp, passkeyUrl, apiOrigin, gatewayLog });
      } finally {
        await stack?.stop();
        await app.close();
        await foreignApp.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect };

/** The same server's URL with the host `localhost` (it listens on 127.0.0.1, where that goes). */
export function onLocalhost(url: string): string {
  const local = new URL(url);
  local.hostname = 'localhost';
  return local.origin;
}

/** Every request the page sends that carries an Authorization header. */
export function recordAuthorized(page: Page): { url: string; authorization: string }[] {
  const seen: { url: string; authorization: string }[] = [];
  page.on('request', (request: Request) => {
    const authorization = request.headers()['authorization'];
    if (authorization !== undefined) seen.push({ url: request.url(), authorization });
  });
  return seen;
}

/**
 * Signs in as the test's own user (`e2e.user`) with the password, as a person does on the local
 * stack (choice-based sign-in): the username, Continue, then the password on the choice page.
 */
export async function signIn(page: Page, e2e: E2eStack): Promise<void> {
  await signInWithPassword(page, e2e.user.username, e2e.user.password);
}

/** The username on the sign-in page, then this password on the choice page. */
export async function signInWithPassword(
  page: Page,
  username: string,
  password: string,
): Promise<void> {
  await continueAs(page, username);
  const choice = page.locator('app-sign-in-choice');
  await choice.locator('ion-input[name=password] input').fill(password);
  await choice.getByRole('button', { name: 'Sign in with password' }).click();
}

/** The username on the sign-in page and Continue: on to the choice Cognito offers. */
export async function continueAs(page: Page, username: string): Promise<void> {
  const signInPage = page.locator('app-sign-in');
  await signInPage.locator('ion-input[name=username] input').fill(username);
  await signInPage.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.locator('app-sign-in-choice [data-testid=choice-username]')).toHaveText(
    username,
  );
}

/** One call to the Timer API: its status and its parsed body (null when it has none). */
export type ApiCall = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: Record<string, unknown> | null }>;

/**
 * The Timer API from Node, through the gateway, as the test's own user (`e2e.user`): what is
 * stored, whatever the page shows. Answers the status and the parsed body.
 */
export async function apiAs(e2e: E2eStack): Promise<ApiCall> {
  const { AccessToken } = await cognitoSignIn(
    e2e.stack.urls.cognito,
    e2e.stack.userPoolClientId,
    e2e.user.username,
    e2e.user.password,
  );
  return async (method, path, body, headers = {}) => {
    const response = await fetch(`${e2e.stack.urls.gateway}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${AccessToken}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

export function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/** Screenshots after Ionic's page transition: exactly one visible page in the outlet. */
export async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** After Ionic's page transition: exactly one visible page in the outlet, last frames drawn. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('ion-router-outlet > .ion-page:not(.ion-page-hidden)')).toHaveCount(1);
  await page.waitForTimeout(400); // the transition's last frames
}
