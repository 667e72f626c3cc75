// capacitor.config.ts as Capacitor itself reads it, and `cap sync` as `npm run cap:sync` runs it.
// No native SDK is needed: with no ios/ or android/ folder, sync checks and copies the web platform
// only. CI=1 keeps Capacitor's CLI from ever sending telemetry.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parameterPattern } from './cloudformation/template-fixture.ts';
import { isExactOrigin } from './lambda/cors-preflight/config.ts';

const run = promisify(execFile);
const root = dirname(fileURLToPath(import.meta.url));
const capacitorBin = join(root, 'node_modules', '@capacitor', 'cli', 'bin', 'capacitor');

interface Loaded {
  extConfigType: string;
  appId: string;
  appName: string;
  webDir: string;
  server: { hostname?: string; iosScheme?: string; androidScheme?: string };
  appConfigError: string | null;
}

/** Loads the config in `cwd` with @capacitor/cli's own loader and app checks, in a fresh process. */
async function loadWithCapacitor(cwd: string): Promise<Loaded> {
  const script = `
    const { loadConfig } = require('@capacitor/cli/dist/config.js');
    const { checkAppConfig } = require('@capacitor/cli/dist/common.js');
    (async () => {
      const config = await loadConfig();
      console.log(JSON.stringify({
        extConfigType: config.app.extConfigType,
        appId: config.app.appId,
        appName: config.app.appName,
        webDir: config.app.webDir,
        server: config.app.extConfig.server ?? {},
        appConfigError: await checkAppConfig(config),
      }));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ['-e', script], { cwd, timeout: 30_000 });
  return JSON.parse(stdout) as Loaded;
}

/** Where `ng build demo` writes the browser bundle, from angular.json (Angular's defaults applied). */
function demoBrowserOutput(): string {
  const workspace = JSON.parse(readFileSync(join(root, 'angular.json'), 'utf8'));
  const outputPath: unknown = workspace.projects.demo.architect.build.options.outputPath;
  if (outputPath === undefined) return 'dist/demo/browser';
  if (typeof outputPath === 'string') return `${outputPath}/browser`;
  const { base, browser } = outputPath as { base: string; browser?: string };
  return browser === '' ? base : `${base}/${browser ?? 'browser'}`;
}

test('Capacitor loads capacitor.config.ts and accepts its appId and appName', async () => {
  const loaded = await loadWithCapacitor(root);
  assert.equal(loaded.extConfigType, 'ts');
  assert.equal(loaded.appConfigError, null);
  assert.match(loaded.appId, /^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)+$/);
  assert.ok(loaded.appName.length > 0);
  assert.equal(loaded.webDir, demoBrowserOutput(), "webDir is the demo's production build");
});

test("the app's WebView origins are ones AllowedOrigins and the CORS Lambda accept", async () => {
  const { server } = await loadWithCapacitor(root);
  const ios = `${server.iosScheme}://${server.hostname}`;
  const android = `${server.androidScheme}://${server.hostname}`;
  assert.deepEqual([ios, android], ['capacitor://localhost', 'https://localhost']);
  const pattern = parameterPattern('AllowedOrigins');
  for (const origin of [ios, android]) {
    assert.ok(pattern.test(origin), `AllowedOrigins accepts ${origin}`);
    assert.ok(isExactOrigin(origin), `the CORS Lambda accepts ${origin}`);
  }
});

test('cap sync runs without native platforms, and fails clearly without a build', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cap-sync-'));
  try {
    await copyFile(join(root, 'capacitor.config.ts'), join(dir, 'capacitor.config.ts'));
    await copyFile(join(root, 'package.json'), join(dir, 'package.json'));
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const sync = () =>
      run(process.execPath, [capacitorBin, 'sync'], {
        cwd: dir,
        env: { ...process.env, CI: '1' },
        timeout: 60_000,
      });

    await assert.rejects(sync(), (error: Error & { code: number; stdout: string }) => {
      assert.equal(error.code, 1);
      assert.match(
        error.stdout,
        /Could not find the web assets directory: \.\/dist\/demo\/browser/,
      );
      return true;
    });

    const webDir = join(dir, demoBrowserOutput());
    await mkdir(webDir, { recursive: true });
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>stub</title>\n');
    const { stdout } = await sync();
    assert.match(stdout, /Sync finished/);
    assert.ok(!existsSync(join(dir, 'ios')) && !existsSync(join(dir, 'android')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
