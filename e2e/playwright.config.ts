import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser; one worker: every test shares one local stack,
// and the machine has 2 cores. tools/test-all.mjs sets PLAYWRIGHT_JSON_OUTPUT_NAME for its summary.
export default defineConfig({
  testDir: './tests',
  globalSetup: process.env['E2E_SKIP_BUILD'] ? undefined : './global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ? [['list'], ['json']] : [['list']],
  outputDir: '../dist/e2e-results',
  use: {
    headless: true,
    viewport: { width: 390, height: 844 },
    launchOptions: {
      executablePath: process.env['CHROME_BIN'] || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'off',
  },
});
