// Consumer apps (consumers/<app>/) get the library as the registry would deliver it: the dist
// folder packed by `npm pack` (so `files`, `exports` and everything npm leaves out apply).
// - The apps made by the Angular CLI (consumers/cli/angular-<major>/) have their own package.json
//   and lockfile: `npm ci`, then `npm install` of the tarball, so npm checks its peer ranges
//   against the Angular version the app really has, as a user's install does.
// - The small apps beside them (plain/, ssr/) get the tarball unpacked into their node_modules:
//   their peers (Angular, Amplify) resolve from the workspace's node_modules by walking up, at
//   the versions the workspace pins.
// Then each app builds with its own angular.json.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const root = new URL('..', import.meta.url).pathname;
/** Where consumer builds and tarballs go: under dist/, never inside the consumer folders. */
export const consumerDist = join(root, 'dist', 'consumers');

export class ConsumerSetupError extends Error {
  override readonly name = 'ConsumerSetupError';
}

/**
 * `npm pack` of dist/ngx-cognito-gateway (build the library first) into `destination`; returns the
 * tarball's path.
 */
export function packLibrary(destination = consumerDist): string {
  const library = join(root, 'dist', 'ngx-cognito-gateway');
  if (!existsSync(join(library, 'package.json'))) {
    throw new ConsumerSetupError(`${library} is missing: run npx ng build ngx-cognito-gateway`);
  }
  mkdirSync(destination, { recursive: true });
  const output = execFileSync(
    'npm',
    ['pack', library, '--pack-destination', destination, '--json', '--ignore-scripts'],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [{ filename }] = JSON.parse(output) as [{ filename: string }];
  return join(destination, filename);
}

/**
 * The tarball of this test run: `npm test` packs the built library once and names it in
 * CONSUMER_TARBALL for every consumer test file; a file run on its own packs it itself.
 */
export function libraryTarball(): string {
  return process.env['CONSUMER_TARBALL'] || packLibrary(join(consumerDist, 'package'));
}

/**
 * Runs `command` in `cwd`; rejects with its output when it fails. Asynchronous, so servers of the
 * test process (an API the build prerenders against) keep answering meanwhile.
 */
export async function runIn(
  cwd: string,
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<string> {
  try {
    const { stdout } = await run(command, args, {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', ...env },
    });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new ConsumerSetupError(
      `${command} ${args.join(' ')} in ${cwd} failed:\n${stdout}\n${stderr}`,
    );
  }
}

/**
 * An app made by the Angular CLI with its own lockfile: `npm ci` (from the one npm cache every
 * app shares), then the tarball installed as a user installs a downloaded package, without
 * `--legacy-peer-deps`, so a peer range that refuses the app's Angular fails here.
 */
export async function installWithNpm(tarball: string, appDir: string): Promise<void> {
  const quiet = ['--no-audit', '--no-fund', '--prefer-offline'];
  await runIn(appDir, 'npm', ['ci', ...quiet]);
  await runIn(appDir, 'npm', ['install', '--no-save', ...quiet, tarball]);
}

/** Replaces `<appDir>/src` with a copy of `source` (a source tree shared by several apps). */
export function copySources(source: string, appDir: string): void {
  rmSync(join(appDir, 'src'), { recursive: true, force: true });
  cpSync(source, join(appDir, 'src'), { recursive: true });
}

/** The app's own Angular CLI (`ng <args>`) under the Node running this. */
export function ngIn(appDir: string, args: readonly string[], env: Record<string, string> = {}) {
  return runIn(
    appDir,
    process.execPath,
    [join(appDir, 'node_modules/@angular/cli/bin/ng.js'), ...args],
    env,
  );
}

/**
 * Replaces `<consumerDir>/node_modules/ngx-cognito-gateway` with the tarball's contents; returns
 * that directory.
 */
export function installTarball(tarball: string, consumerDir: string): string {
  const target = join(consumerDir, 'node_modules', 'ngx-cognito-gateway');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  // npm tarballs hold one top folder, `package/`.
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  return target;
}

/**
 * `ng build` in the consumer's own workspace (its angular.json and tsconfig, no `paths`), with
 * the workspace's Angular CLI under the Node running this; the output goes where its angular.json
 * says (under dist/consumers). Throws with the build's output when it fails.
 */
export function buildConsumer(consumerDir: string): void {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/@angular/cli/bin/ng.js'), 'build'], {
      cwd: consumerDir,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new ConsumerSetupError(`ng build in ${consumerDir} failed:\n${stdout}\n${stderr}`);
  }
}
