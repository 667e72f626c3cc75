// The CLI as users and the hostile-token corpus run it: a real child process on port 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startIssuer, type TestIssuer } from '../jwt-authorizer/test-issuer.ts';
import { startUpstream } from './testing.ts';

const main = join(dirname(fileURLToPath(import.meta.url)), 'main.ts');

type Child = ChildProcessByStdio<null, Readable, Readable>;

/** Starts the CLI and resolves with its URL once it prints the ready line. */
async function startCli(args: string[]): Promise<{ child: Child; url: string }> {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, url };
}

/**
 * Runs the CLI, for flags it must refuse, until it exits; should it start serving instead, it is
 * stopped at once and `started` says so.
 */
async function runCli(
  args: string[],
): Promise<{ code: number | null; err: string; started: boolean }> {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let started = false;
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdout.on('data', (c: Buffer) => {
    if (/listening on/.test(c.toString())) {
      started = true;
      child.kill('SIGKILL');
    }
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, err, started };
}

/** Access-token claims for `clientId`, valid for a minute (the caller adds `iss`). */
function accessClaims(clientId: string) {
  return {
    client_id: clientId,
    scope: 'aws.cognito.signin.user.admin',
    exp: Math.floor(Date.now() / 1000) + 60,
  };
}

/**
 * Starts a test issuer, an upstream and the CLI on them (`--port 0 --upstream <it>` and the
 * `flags` given for the issuer), runs `body`, and stops all three however it ends.
 */
async function withCli(
  flags: (issuer: TestIssuer) => string[],
  body: (cli: { child: Child; url: string; issuer: TestIssuer }) => Promise<void>,
): Promise<void> {
  const issuer = await startIssuer();
  const upstream = await startUpstream();
  let child: Child | undefined;
  try {
    const cli = await startCli(['--port', '0', '--upstream', upstream.url, ...flags(issuer)]);
    child = cli.child;
    await body({ ...cli, issuer });
  } finally {
    child?.kill('SIGKILL');
    await upstream.close();
    await issuer.close();
  }
}

test(
  'npm run gateway: ready line on 127.0.0.1, tokens checked, SIGTERM exits',
  { timeout: 30_000 },
  () =>
    withCli(
      (issuer) => [
        '--issuer',
        issuer.issuer,
        '--audience',
        'c1,c2',
        '--allowed-origins',
        'http://localhost:4200',
      ],
      async ({ child, url, issuer }) => {
        const token = await issuer.sign({ ...accessClaims('c2'), iss: issuer.issuer });
        assert.equal((await fetch(`${url}/x`, { headers: { authorization: token } })).status, 200);
        assert.equal((await fetch(`${url}/x`)).status, 401);
        child.kill('SIGTERM');
        const [code] = await once(child, 'exit');
        assert.equal(code, 0);
      },
    ),
);

test(
  '--issuer with a trailing slash matches iss exactly; the JWKS URL has one slash',
  { timeout: 30_000 },
  () =>
    withCli(
      (issuer) => ['--issuer', `${issuer.issuer}/`, '--audience', 'c1'],
      async ({ url, issuer }) => {
        const slashed = `${issuer.issuer}/`;
        const status = async (iss: string) =>
          (
            await fetch(`${url}/x`, {
              headers: { authorization: await issuer.sign({ ...accessClaims('c1'), iss }) },
            })
          ).status;
        assert.equal(await status(slashed), 200);
        assert.equal(await status(issuer.issuer), 401);
        assert.deepEqual(issuer.jwksPaths, ['/local_test/.well-known/jwks.json']);
      },
    ),
);

test(
  '--jwks-max-age reaches the authorizer: the JWKS is fetched again once it is that old',
  { timeout: 30_000 },
  () =>
    withCli(
      (issuer) => ['--issuer', issuer.issuer, '--audience', 'c1', '--jwks-max-age', '1'],
      async ({ url, issuer }) => {
        const authorization = await issuer.sign({ ...accessClaims('c1'), iss: issuer.issuer });
        const status = async () => (await fetch(`${url}/x`, { headers: { authorization } })).status;
        assert.equal(await status(), 200);
        assert.equal(await status(), 200);
        assert.equal(issuer.jwksRequests, 1, 'within the max age: one fetch');
        // The unit tests move a clock (key-set-cache.test.ts); a process only has the real one.
        await new Promise((r) => setTimeout(r, 1100));
        assert.equal(await status(), 200);
        assert.equal(issuer.jwksRequests, 2, 'past it: fetched again');
      },
    ),
);

test('bad flags exit non-zero with a message', { timeout: 30_000 }, async () => {
  const { code, err } = await runCli(['--port', 'abc']);
  assert.notEqual(code, 0);
  assert.match(err, /--port/);
  const origins = await runCli(['--port', '0', '--allowed-origins', 'http://evil.example']);
  assert.equal(origins.started, false, 'refused before listening');
  assert.equal(origins.code, 1);
  assert.match(
    origins.err,
    /--allowed-origins: "http:\/\/evil\.example" is not allowed: each origin/,
  );
  const maxAge = await runCli(['--port', '0', '--jwks-max-age', '0']);
  assert.equal(maxAge.started, false, 'refused before listening');
  assert.match(maxAge.err, /--jwks-max-age must be a whole number of seconds from 1 to 86400/);
});

test('--help prints the usage on stdout and exits 0, starting nothing', async () => {
  const child = spawn(process.execPath, [main, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 0);
  assert.match(out, /^usage: npm run gateway -- --port N --issuer URL/);
  assert.match(out, /--lambda-env KEY=VALUE/);
  assert.doesNotMatch(out, /^listening on http/m);
});
