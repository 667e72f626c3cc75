import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.ts';

/** The suite tests the production build, as users get it; the CORS Lambda build the gateway runs. */
export default function globalSetup(): void {
  const steps: string[][] = [['ng', 'build', 'demo']];
  if (!existsSync(join(root, 'dist', 'cors-preflight', 'index.mjs'))) {
    steps.unshift(['npm', 'run', '--silent', 'build:lambda']);
  }
  for (const step of steps) {
    const [cmd, ...args] = step[0] === 'ng' ? ['npx', ...step] : step;
    const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', timeout: 300_000 });
    if (result.status !== 0) throw new Error(`${step.join(' ')} failed`);
  }
}
