// `npm start`: checks the ports, builds what the stack runs from dist/ (the CORS Lambda, the
// library the app imports), starts the local stack, prints one table, and stops every process
// group on Ctrl-C, SIGTERM or SIGHUP, also in the middle of start-up, and when its parent goes
// away; if this process itself is killed, processes.ts's reaper stops the children.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assertPortFree, stopAllNow } from './processes.ts';
import { DEFAULT_PORTS, formatTable, startLocalStack, type LocalStack } from './stack.ts';

const USAGE = `usage: npm start [-- --no-app] [--free-ports] [--data-dir DIR] [--no-config] [--no-build]
  --no-app       backend only (cognito-local, Timer server, gateway): for your own app
  --free-ports   any free ports instead of ${Object.values(DEFAULT_PORTS).join('/')}
  --data-dir DIR cognito-local data and the Timer database under DIR (default local/data)
  --no-config    do not write public/config.json
  --no-build     use dist/ as it is
  --backend lambda  the Timer API as the deployed stack's built-in backend: the Timer Lambda run
                 by the gateway on an in-memory DynamoDB (dynalite) instead of the Timer server`;

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

let flags;
try {
  flags = parseArgs({
    options: {
      'no-app': { type: 'boolean' },
      'free-ports': { type: 'boolean' },
      'data-dir': { type: 'string' },
      'no-config': { type: 'boolean' },
      'no-build': { type: 'boolean' },
      backend: { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}

const backend = flags.backend ?? 'reference';
if (backend !== 'reference' && backend !== 'lambda') {
  fail(`--backend must be reference or lambda, got ${backend}\n${USAGE}`);
}
const withApp = !flags['no-app'];
const ports = flags['free-ports'] ? { cognito: 0, timer: 0, gateway: 0, app: 0 } : DEFAULT_PORTS;
const abort = new AbortController();
let stack: LocalStack | undefined;
let stopping = false;

function shutdown(code: number): void {
  if (stopping) return;
  stopping = true;
  console.log('stopping...');
  (stack ? stack.stop() : Promise.resolve()).then(
    () => process.exit(code),
    () => process.exit(1),
  );
}

// Installed before anything starts: a Ctrl-C during start-up aborts it and stops what is running.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stack) shutdown(0);
    else abort.abort();
  });
}
process.on('exit', stopAllNow);

// `npm start` runs us under npm and sh. When either goes away without passing a signal on (npm
// does not pass SIGHUP on; sh passes nothing), we stop the stack ourselves. Both are watched with
// kill(pid, 0), which works on every POSIX system; the grandparent's pid comes from ps.
const ancestors = [process.ppid, grandparentPid()].filter((pid): pid is number => !!pid && pid > 1);
function grandparentPid(): number | undefined {
  const ps = spawnSync('ps', ['-o', 'ppid=', '-p', String(process.ppid)], { encoding: 'utf8' });
  const pid = Number(ps.stdout?.trim());
  return Number.isInteger(pid) ? pid : undefined;
}
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
const watchParents = setInterval(() => {
  const gone = ancestors.find((pid) => !alive(pid));
  if (gone === undefined) return;
  clearInterval(watchParents);
  console.error(`npm start: the process that started it (pid ${gone}) went away; stopping`);
  if (stack) shutdown(0);
  else abort.abort();
}, 250).unref();

try {
  // Ports first, so a second `npm start` fails at once instead of rebuilding under the first.
  for (const [what, port] of Object.entries(ports)) {
    if (port !== 0 && (what !== 'app' || withApp)) await assertPortFree(port, what);
  }
  if (!flags['no-build']) {
    for (const script of ['build:lambda', 'build:lib']) {
      const built = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
      if (built.status !== 0) fail(`npm run ${script} failed`);
      if (abort.signal.aborted) process.exit(130);
    }
  }
  const dataDir = flags['data-dir'];
  stack = await startLocalStack({
    ports,
    app: withApp,
    ...(dataDir
      ? { cognitoDataDir: join(dataDir, 'cognito'), timerDb: join(dataDir, 'timer.sqlite') }
      : {}),
    ...(flags['no-config'] ? { configFile: false as const } : {}),
    backend,
    echo: process.env['DEBUG'] !== undefined,
    signal: abort.signal,
  });
  console.log(`\nLocal stack ready (Ctrl-C stops everything):\n${formatTable(stack)}\n`);
  void stack.crashed.then((why) => {
    console.error(`npm start: ${why}\nnpm start: one server stopped, so the whole stack stops`);
    shutdown(1);
  });
} catch (error) {
  if (abort.signal.aborted) process.exit(130);
  fail(error instanceof Error ? error.message : String(error));
}
