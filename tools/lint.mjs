// Lints every part of the workspace: angular-eslint per Angular project, the Node-side type
// check, shellcheck on shell scripts, and prettier over everything. The parts are a fixed list; a
// part that has gone missing fails the lint instead of being skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const shellScripts = [
  'run-scripts.sh',
  '.ci/run',
  ...readdirSync('scripts')
    .filter((file) => file.endsWith('.sh'))
    .map((file) => `scripts/${file}`),
];
const expected = ['src/main.ts', 'tsconfig.node.json', ...shellScripts];
const absent = expected.filter((file) => !existsSync(file));
if (absent.length > 0) {
  console.error(`lint: expected files are missing: ${absent.join(', ')}`);
  process.exit(1);
}
const steps = [
  ['ng', ['lint', 'ngx-cognito-gateway']],
  ['ng', ['lint', 'demo']],
  ['tsc', ['-p', 'tsconfig.node.json']],
  ['shellcheck', shellScripts],
  ['prettier', ['--check', '.']],
];

for (const [command, args] of steps) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (result.error) {
    console.error(`lint: could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}
