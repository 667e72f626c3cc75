// Lints every part of the workspace that exists yet, so the same `npm run lint` works while
// parts are being added: angular-eslint per Angular project, the Node-side type check,
// shellcheck on shell scripts, and prettier over everything.
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, readdirSync } from 'node:fs';

const steps = [];
steps.push(['ng', ['lint', 'ngx-cognito-gateway']]);
if (existsSync('src/main.ts')) steps.push(['ng', ['lint', 'demo']]);
const nodeSideSources = globSync(
  '{local,lambda,cloudformation,scripts,bench,e2e,openapi}/**/*.ts',
  {
    exclude: (path) => path.includes('node_modules'),
  },
);
if (nodeSideSources.length > 0) steps.push(['tsc', ['-p', 'tsconfig.node.json']]);
const shellScripts = [
  ...(existsSync('run-scripts.sh') ? ['run-scripts.sh'] : []),
  ...['scripts', '.ci']
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((file) => file.endsWith('.sh') || (dir === '.ci' && file === 'run'))
        .map((file) => `${dir}/${file}`),
    ),
];
if (shellScripts.length > 0) steps.push(['shellcheck', shellScripts]);
steps.push(['prettier', ['--check', '.']]);

for (const [command, args] of steps) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (result.error) {
    console.error(`lint: could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}
