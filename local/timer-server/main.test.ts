// The CLI as `npm run timer-server` runs it: a real child process, real signals.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VALID_DRAFT } from './drafts.fixture.ts';
import { call } from './testing.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

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
    const child = await startCli(['--port', '0', '--db', ':memory:']);
    try {
      assert.equal((await call(`${child.url}/tasks`)).status, 200);
    } finally {
      assert.equal(await stop(child, 'SIGTERM'), 0, child.output());
    }
  });

  it('finishes a request in flight before exiting on SIGTERM', async () => {
    const child = await startCli(['--port', '0', '--db', ':memory:']);
    const body = JSON.stringify(VALID_DRAFT);
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(`${child.url}/tasks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      // A full round trip on another connection after those bytes were sent: by then the server has
      // parsed the first request's headers, so SIGTERM finds it in flight.
      call(`${child.url}/tasks`).then(() => {
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
      const first = await startCli(['--port', '0', '--db', db]);
      let ids: string[];
      try {
        const created = await Promise.all(
          ['one', 'two', 'three'].map((name) =>
            call(`${first.url}/tasks`, { method: 'POST', body: { ...VALID_DRAFT, name } }),
          ),
        );
        ids = created.map((r) => (r.json as { id: string }).id);
        await call(`${first.url}/tasks/${ids[0]}`, { method: 'DELETE' });
      } finally {
        assert.equal(await stop(first, 'SIGINT'), 0, first.output());
      }
      const second = await startCli(['--port', '0', '--db', db]);
      try {
        const list = (await call(`${second.url}/tasks`)).json as { id: string }[];
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
      const first = await startCli(['--port', '0', '--db', db]);
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(`${first.url}/tasks`, { method: 'POST', body: { ...VALID_DRAFT, name: `t${i}` } }),
        ),
      );
      assert.ok(created.every((r) => r.status === 201));
      assert.equal(await stop(first, 'SIGKILL'), null);
      const second = await startCli(['--port', '0', '--db', db]);
      try {
        const list = (await call(`${second.url}/tasks`)).json as { id: string }[];
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
