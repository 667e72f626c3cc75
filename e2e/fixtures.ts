import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { startLocalStack, type LocalStack } from '../local/start.ts';
import { appDir, screenshots } from './paths.ts';
import { serveApp, type StaticApp } from './static-server.ts';

export interface E2eStack {
  stack: LocalStack;
  /** Origin listed in the gateway's allowed origins. */
  app: StaticApp;
  /** Same build and config, from an origin the gateway does not allow. */
  foreignApp: StaticApp;
  apiOrigin: string;
}

/** One fresh stack per worker (one worker): fresh cognito-local data, in-memory Timer store. */
export const test = base.extend<object, { e2e: E2eStack }>({
  e2e: [
    async ({}, use) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'e2e-cognito-'));
      const app = await serveApp(appDir);
      const foreignApp = await serveApp(appDir);
      let stack: LocalStack | undefined;
      try {
        stack = await startLocalStack({
          ports: { cognito: 0, timer: 0, gateway: 0, app: 0 },
          app: false,
          cognitoDataDir: dataDir,
          timerDb: ':memory:',
          configFile: false,
          allowedOrigins: [app.url],
        });
        const config = {
          apiUrl: stack.urls.gateway,
          region: 'us-east-1',
          userPoolId: stack.userPoolId,
          userPoolClientId: stack.userPoolClientId,
          cognitoEndpoint: stack.urls.cognito,
          authFlow: 'USER_PASSWORD_AUTH',
        };
        app.config = config;
        foreignApp.config = config;
        await use({ stack, app, foreignApp, apiOrigin: new URL(stack.urls.gateway).origin });
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

/** Every request the page sends that carries an Authorization header. */
export function recordAuthorized(page: Page): { url: string; authorization: string }[] {
  const seen: { url: string; authorization: string }[] = [];
  page.on('request', (request: Request) => {
    const authorization = request.headers()['authorization'];
    if (authorization !== undefined) seen.push({ url: request.url(), authorization });
  });
  return seen;
}

export async function signIn(page: Page, e2e: E2eStack): Promise<void> {
  await page.locator('ion-input[name=username] input').fill(e2e.stack.credentials.username);
  await page.locator('ion-input[name=password] input').fill(e2e.stack.credentials.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
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
