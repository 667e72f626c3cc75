// Consumer apps (consumers/<app>/) get the library as the registry would deliver it: the dist
// folder packed by `npm pack` (so `files`, `exports` and everything npm leaves out apply), the
// tarball unpacked into the app's own node_modules. Unpacked rather than `npm install`ed: npm would
// also install every peer (Angular, Amplify) into the app; those resolve from the workspace's
// node_modules by walking up, at the versions the workspace pins. Then the app builds with its
// own angular.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
/** Where consumer builds and tarballs go: under dist/, never inside the consumer folders. */
export const consumerDist = join(root, 'dist', 'consumers');

export class ConsumerSetupError extends Error {
  override readonly name = 'ConsumerSetupError';
}

/**
 * `npm pack` of dist/ngx-cognito-gateway (build the library first) into `destination`; returns the
 * tarball's path. Each consumer test packs into its own folder, since test files may run at once.
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
