import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { ensureUser, signIn as cognitoSignIn } from '../local/cognito/seed.ts';
import { ACCESS_LOG_ENV } from '../local/gateway/args.ts';
import { startLocalStack, type LocalStack } from '../local/stack.ts';
import { APP_DIST as appDir } from '../tools/paths.ts';
import { screenshots } from './paths.ts';
import { serveApp, type StaticApp } from './static-server.ts';

export interface Credentials {
  username: string;
  password: string;
}

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
      let stack: LocalStack | undefined;
      // The stack starts the gateway with the environment of this process.
      const gatewayLog = join(dataDir, 'gateway-access.jsonl');
      process.env[ACCESS_LOG_ENV] = gatewayLog;
      try {
        stack = await startLocalStack({
          ports: { cognito: 0, timer: 0, gateway: 0, app: 0 },
          app: false,
          cognitoDataDir: dataDir,
          timerDb: ':memory:',
          configFile: false,
          allowedOrigins: [app.url],
        });
        delete process.env[ACCESS_LOG_ENV];
        app.config = stack.config;
        foreignApp.config = stack.config;
        const apiOrigin = new URL(stack.urls.gateway).origin;
        await use({ stack, app, foreignApp, apiOrigin, gatewayLog });
      } finally {
        delete process.env[ACCESS_LOG_ENV];
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

/** Every request the page sends that carries an Authorization header. */
export function recordAuthorized(page: Page): { url: string; authorization: string }[] {
  const seen: { url: string; authorization: string }[] = [];
  page.on('request', (request: Request) => {
    const authorization = request.headers()['authorization'];
    if (authorization !== undefined) seen.push({ url: request.url(), authorization });
  });
  return seen;
}

/** Signs in as the test's own user (`e2e.user`). */
export async function signIn(page: Page, e2e: E2eStack): Promise<void> {
  await page.locator('ion-input[name=username] input').fill(e2e.user.username);
  await page.locator('ion-input[name=password] input').fill(e2e.user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
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
