// The CLI as `npm run timer-server` runs it: a real child process, real signals, real RS256 tokens
// from a real JWKS on 127.0.0.1 (the shared test issuer).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VALID_DRAFT } from '../../lambda/timer-api/core/drafts.fixture.ts';
import { startIssuer, type TestIssuer } from '../jwt-authorizer/test-issuer.ts';
import { assertProblem, call } from './testing.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const AUDIENCE = 'client-1';

let issuer: TestIssuer;
let bearer: string;
before(async () => {
  issuer = await startIssuer();
  bearer = `Bearer ${await issuer.accessToken({ sub: 'user-a', client_id: AUDIENCE }, 3600)}`;
});
after(() => issuer.close());

const auth = () => ['--issuer', issuer.issuer, '--audience', AUDIENCE];
/** `call` as user-a. */
const callAs = (url: string, init: Parameters<typeof call>[1] = {}) =>
  call(url, { ...init, headers: { authorization: bearer, ...init.headers } });

interface Child {
  process: ChildProcess;
  url: string;
  output: () => string;
}

async function startCli(args: string[]): Promise<Child> {
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (output += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line: ${output}`)), 15_000);
    const check = () => {
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${output}`));
    });
  });
  return { process: child, url, output: () => output };
}

async function stop(child: Child, signal: NodeJS.Signals): Promise<number | null> {
  if (child.process.exitCode !== null) return child.process.exitCode;
  const exited = once(child.process, 'exit');
  child.process.kill(signal);
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  const [code] = (await exited) as [number | null];
  clearTimeout(timer);
  return code;
}

describe('timer-server CLI', () => {
  it('prints the ready line, serves, and exits 0 on SIGTERM', async () => {
    const child = await startCli(['--port', '0', '--db', ':memory:', ...auth()]);
    try {
      assert.equal((await callAs(`${child.url}/tasks`)).status, 200);
      // Called directly, around any gateway: no token, no tasks.
      const refused = await call(`${child.url}/tasks`);
      assertProblem(refused, 401);
      assert.match(
        refused.headers.get('www-authenticate') ?? '',
        /^Bearer .*error="invalid_token"/,
      );
    } finally {
      assert.equal(await stop(child, 'SIGTERM'), 0, child.output());
    }
  });

  it('finishes a request in flight before exiting on SIGTERM', async () => {
    const child = await startCli(['--port', '0', '--db', ':memory:', ...auth()]);
    const body = JSON.stringify(VALID_DRAFT);
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(`${child.url}/tasks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(body.length),
          authorization: bearer,
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      // A full round trip on another connection after those bytes were sent: by then the server has
      // parsed the first request's headers, so SIGTERM finds it in flight.
      callAs(`${child.url}/tasks`).then(() => {
        child.process.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 200);
      }, reject);
    });
    assert.equal(await answer, 201);
    const [code] = (await once(child.process, 'exit')) as [number | null];
    assert.equal(code, 0, child.output());
  });

  it('keeps acknowledged tasks across a restart with a file db, and exits 0 on SIGINT', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'timer-cli-'));
    const db = join(dir, 'tasks.sqlite');
    try {
      const first = await startCli(['--port', '0', '--db', db, ...auth()]);
      let ids: string[];
      try {
        const created = await Promise.all(
          ['one', 'two', 'three'].map((name) =>
            callAs(`${first.url}/tasks`, { method: 'POST', body: { ...VALID_DRAFT, name } }),
          ),
        );
        ids = created.map((r) => (r.json as { id: string }).id);
        await callAs(`${first.url}/tasks/${ids[0]}`, { method: 'DELETE' });
      } finally {
        assert.equal(await stop(first, 'SIGINT'), 0, first.output());
      }
      const second = await startCli(['--port', '0', '--db', db, ...auth()]);
      try {
        const list = (await callAs(`${second.url}/tasks`)).json as { id: string }[];
        assert.deepEqual(new Set(list.map((t) => t.id)), new Set(ids.slice(1)));
      } finally {
        assert.equal(await stop(second, 'SIGTERM'), 0, second.output());
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('loses no acknowledged task when killed without warning (SIGKILL)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'timer-cli-'));
    const db = join(dir, 'tasks.sqlite');
    try {
      const first = await startCli(['--port', '0', '--db', db, ...auth()]);
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          callAs(`${first.url}/tasks`, { method: 'POST', body: { ...VALID_DRAFT, name: `t${i}` } }),
        ),
      );
      assert.ok(created.every((r) => r.status === 201));
      assert.equal(await stop(first, 'SIGKILL'), null);
      const second = await startCli(['--port', '0', '--db', db, ...auth()]);
      try {
        const list = (await callAs(`${second.url}/tasks`)).json as { id: string }[];
        assert.deepEqual(
          new Set(list.map((t) => t.id)),
          new Set(created.map((r) => (r.json as { id: string }).id)),
        );
      } finally {
        assert.equal(await stop(second, 'SIGTERM'), 0, second.output());
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start without an issuer and audience, naming --insecure-no-auth', async () => {
    for (const args of [[], ['--issuer', 'http://127.0.0.1:1/x'], ['--audience', 'c']]) {
      const child = spawn(process.execPath, [MAIN, '--port', '0', '--db', ':memory:', ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      const [code] = (await once(child, 'exit')) as [number];
      assert.equal(code, 2, stderr);
      assert.match(stderr, /--issuer and --audience are required/);
      assert.match(stderr, /--insecure-no-auth/);
    }
  });

  it('--insecure-no-auth warns at start and serves without a token', async () => {
    const child = await startCli(['--port', '0', '--db', ':memory:', '--insecure-no-auth']);
    try {
      assert.match(child.output(), /WARNING --insecure-no-auth/);
      assert.equal((await call(`${child.url}/tasks`)).status, 200);
    } finally {
      assert.equal(await stop(child, 'SIGTERM'), 0, child.output());
    }
  });

  it('--help prints the usage on stdout and exits 0, starting nothing', async () => {
    const child = spawn(process.execPath, [MAIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 0);
    assert.match(stdout, /^usage: npm run timer-server -- --port N/);
    assert.match(stdout, /--insecure-no-auth/);
    assert.doesNotMatch(stdout, /^listening on http/m);
  });

  it('exits 2 with usage on bad arguments', async () => {
    const child = spawn(process.execPath, [MAIN, '--port', 'nope'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 2);
    assert.match(stderr, /usage: npm run timer-server/);
  });
});
