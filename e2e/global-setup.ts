import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { CORS_LAMBDA_FILE, ROOT, TIMER_LAMBDA_DIR } from '../tools/paths.ts';

/**
 * The suite tests the production build, as users get it, and the Lambda builds the gateway runs
 * (the CORS preflight handler, and the Timer API for the Lambda-backend spec). The production build
 * must print no warning (such as a bundle budget exceeded): one that is always there trains people
 * to ignore warnings, so it fails the suite here (docs/performance.md).
 */
export default function globalSetup(): void {
  const steps: string[][] = [['ng', 'build', 'demo']];
  const lambdas = [dirname(CORS_LAMBDA_FILE), TIMER_LAMBDA_DIR];
  if (!lambdas.every((dir) => existsSync(dir))) {
    steps.unshift(['npm', 'run', '--silent', 'build:lambda']);
  }
  for (const step of steps) {
    const [cmd, ...args] = step[0] === 'ng' ? ['npx', ...step] : step;
    const result = spawnSync(cmd, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 300_000,
    });
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    if (result.status !== 0) throw new Error(`${step.join(' ')} failed`);
    const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
    if (step[0] === 'ng' && /\bWARNING\b/.test(output)) {
      throw new Error(`${step.join(' ')} printed a warning (above): fix it, or change the budget`);
    }
  }
}
