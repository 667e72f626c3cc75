// `npm start` as users run it (local/main.ts in its own process): Ctrl-C after start-up and in the
// middle of it leaves no process behind, a second start fails at once on the taken port, and
// `DEBUG=1` shows every process's output but never a password or a token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PORTS } from './stack.ts';
import { cognitoCall } from './cognito/api.ts';
import {
  DEMO_PASSWORD,
  DEMO_USERNAME,
  OTHER_PASSWORD,
  signIn,
  TEMPORARY_PASSWORD,
} from './cognito/seed.ts';

const MAIN = new URL('./main.ts', import.meta.url).pathname;

/** Pids of live processes carrying our marker in their environment (children inherit it). */
async function marked(marker: string): Promise<{ pid: number; cmd: string }[]> {
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const env = await readFile(`/proc/${entry}/environ`, 'latin1');
      if (!env.includes(marker)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'latin1');
      if (/^\d+ \(.*\) Z /.test(stat)) continue; // a zombie is already dead
      const cmd = (await readFile(`/proc/${entry}/cmdline`, 'latin1')).replaceAll('\0', ' ');
      found.push({ pid: Number(entry), cmd });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** `node local/main.ts args…` with its output collected and its exit code awaited. */
function spawnCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exit, output: () => output };
}

/** The backend only, on free ports, with its data in `dataDir` and children marked by `marker`. */
function startCli(marker: string, dataDir: string) {
  return spawnCli(
    ['--no-app', '--free-ports', '--no-config', '--no-build', '--data-dir', dataDir],
    { NPM_START_TEST_MARKER: marker },
  );
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts a process with `start` (a fresh marker, a fresh data folder), runs `body`, then kills the
 * process and everything carrying its marker and removes the folder, however `body` ended.
 */
async function withMarked<P extends { child: ChildProcess }>(
  start: (marker: string, dataDir: string) => P,
  body: (started: P, marker: string) => Promise<void>,
): Promise<void> {
  const marker = randomUUID();
  const dir = await mkdtemp(join(tmpdir(), 'npm-start-'));
  const started = start(marker, dir);
  try {
    await body(started, marker);
  } finally {
    started.child.kill('SIGKILL');
    for (const { pid } of await marked(marker)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    await rm(dir, { recursive: true, force: true });
  }
}

const noneLeft = (marker: string) => async () => (await marked(marker)).length === 0;

test('Ctrl-C after start-up stops every process and exits 0', { timeout: 90_000 }, () =>
  withMarked(startCli, async (cli, marker) => {
    await until('the ready table', () => cli.output().includes('Local stack ready'));
    assert.match(cli.output(), /demo password/);
    const children = (await marked(marker)).filter((p) => p.pid !== cli.child.pid);
    assert.ok(
      children.length >= 3,
      `expected cognito, timer, gateway: ${JSON.stringify(children)}`,
    );
    cli.child.kill('SIGINT');
    assert.equal(await cli.exit, 0);
    await until('every child gone', noneLeft(marker), 15_000);
  }),
);

/** A value from the ready table: `  label   value`. */
function tableValue(output: string, label: string): string {
  const value = output.match(new RegExp(`^  ${label} +(\\S+)$`, 'm'))?.[1];
  assert.ok(value, `the table has ${label}`);
  return value;
}

test(
  'DEBUG=1 shows every process, the codes cognito-local sends, and no secret',
  { timeout: 90_000 },
  () =>
    withMarked(
      (marker, dataDir) =>
        spawnCli(['--no-app', '--free-ports', '--no-config', '--no-build', '--data-dir', dataDir], {
          NPM_START_TEST_MARKER: marker,
          DEBUG: '1',
        }),
      async (cli) => {
        await until('the ready table', () => cli.output().includes('Local stack ready'));
        const cognito = tableValue(cli.output(), 'cognito-local');
        const clientId = tableValue(cli.output(), 'app client id');
        const gateway = tableValue(cli.output(), 'API \\(local gateway\\)');
        // A sign-in stores a refresh token, a reset stores and "sends" a code: at cognito-local's
        // debug level, each of these logged the whole user store.
        const tokens = await signIn(cognito, clientId, DEMO_USERNAME, DEMO_PASSWORD);
        const tasks = await fetch(`${gateway}/tasks`, {
          headers: { authorization: `Bearer ${tokens.AccessToken}` },
        });
        assert.equal(tasks.status, 200);
        await cognitoCall(cognito, 'ForgotPassword', {
          ClientId: clientId,
          Username: DEMO_USERNAME,
        });
        await until('the code cognito-local sends', () => /Code: +\d{6}/.test(cli.output()));

        const logged = cli
          .output()
          .split('\n')
          .filter((line) => line.startsWith('['));
        assert.ok(
          logged.some((line) => line.startsWith('[cognito-local] ')),
          'cognito-local shown',
        );
        for (const secret of [
          DEMO_PASSWORD,
          OTHER_PASSWORD,
          TEMPORARY_PASSWORD,
          tokens.RefreshToken,
          tokens.AccessToken,
          tokens.IdToken,
          '"Password"',
        ]) {
          const leak = logged.find((line) => line.includes(secret));
          assert.equal(leak, undefined, `a log line holds a secret: ${leak?.slice(0, 120)}`);
        }
        // One host name throughout: the issuer's discovery document is taken, not refused.
        assert.doesNotMatch(cli.output(), /discovery document .* not used/);
      },
    ),
);

test('Ctrl-C in the middle of start-up stops what already runs', { timeout: 90_000 }, () =>
  withMarked(startCli, async (cli, marker) => {
    // cognito-local is up, the rest of the stack not yet ready.
    await until('cognito-local running', async () =>
      (await marked(marker)).some((p) => p.cmd.includes('cognito/launch-cognito-local.ts')),
    );
    assert.doesNotMatch(cli.output(), /Local stack ready/);
    cli.child.kill('SIGINT');
    assert.equal(await cli.exit, 130);
    await until('every child gone', noneLeft(marker), 15_000);
    assert.doesNotMatch(cli.output(), /Local stack ready/);
  }),
);

/** `npm start -- …` exactly as a user runs it, as its own process, with children marked. */
function startNpm(marker: string, dataDir: string) {
  const child = spawn(
    'npm',
    ['start', '--', '--no-app', '--free-ports', '--no-config', '--no-build', '--data-dir', dataDir],
    {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, NPM_START_TEST_MARKER: marker },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

for (const [how, stop] of [
  ['SIGTERM to the npm process', (npm: ChildProcess) => npm.kill('SIGTERM')],
  ['SIGHUP to the npm process (its terminal closed)', (npm: ChildProcess) => npm.kill('SIGHUP')],
  [
    'SIGKILL to the stack itself (no chance to clean up)',
    async (_npm: ChildProcess, marker: string) => {
      const main = (await marked(marker)).find((p) => /local\/main\.ts/.test(p.cmd));
      assert.ok(main, 'node local/main.ts is running');
      process.kill(main.pid, 'SIGKILL');
    },
  ],
] as const) {
  test(`npm start: ${how} leaves no process behind`, { timeout: 90_000 }, () =>
    withMarked(startNpm, async (npm, marker) => {
      await until('the ready table', () => npm.output().includes('Local stack ready'));
      assert.ok((await marked(marker)).length >= 4, 'npm, the stack and its servers run');
      await stop(npm.child, marker);
      await until('every process gone', noneLeft(marker), 20_000);
    }),
  );
}

test('a second npm start fails at once, naming the taken port', { timeout: 30_000 }, async () => {
  // Hold cognito's default port, as a running npm start would (if something holds it already,
  // the outcome must be the same).
  const holder = createServer();
  await new Promise<void>((resolve) => {
    holder.once('error', () => resolve());
    holder.listen(DEFAULT_PORTS.cognito, '127.0.0.1', () => resolve());
  });
  try {
    const cli = spawnCli(['--no-app', '--no-config', '--no-build']);
    const code = await cli.exit;
    assert.equal(code, 1);
    assert.match(
      cli.output(),
      new RegExp(`port ${DEFAULT_PORTS.cognito} \\(cognito\\) is already in use`),
    );
    // This test holds the port, so the holder named is this very process.
    if (process.platform === 'linux') assert.match(cli.output(), /by pid \d+ \(/);
  } finally {
    holder.close();
  }
});

test('unknown flags are refused with the usage', { timeout: 30_000 }, async () => {
  const cli = spawnCli(['--frobnicate']);
  assert.equal(await cli.exit, 1);
  assert.match(cli.output(), /usage: npm start/);
});
