// The offline chain for gateway benchmarks and load tests, started through the public CLIs
// (docs/architecture.md): a JWKS server, the reference Timer server and the
// local gateway, each a real process or server on 127.0.0.1 with port 0.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  startIssuer,
  type TestIssuer,
  type TestKey,
} from '../../local/jwt-authorizer/test-issuer.ts';
import { startProcess as startManaged } from '../../local/processes.ts';
import { ROOT } from '../../tools/paths.ts';

export const CLIENT_ID = 'benchclient';
export const SCOPE = 'aws.cognito.signin.user.admin';

/** The script file behind an `npm run NAME` ("node some/file.ts"), or undefined if not there yet. */
export function npmScriptFile(name: string): string | undefined {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  const file = /^node (\S+)$/.exec(String(scripts[name] ?? ''))?.[1];
  return file && existsSync(join(ROOT, file)) ? join(ROOT, file) : undefined;
}

/**
 * A Cognito-shaped access token (RS256) from `jwks`, signed with `key` (default the issuer's own;
 * another key is one the issuer never published).
 */
export function accessToken(jwks: TestIssuer, ttlSeconds = 3600, key: TestKey = jwks.key) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { token_use: 'access', client_id: CLIENT_ID, scope: SCOPE, sub: 'bench-user' };
  return jwks.sign({ ...claims, iss: jwks.issuer, iat: now, exp: now + ttlSeconds }, {}, key);
}

/**
 * The issuer of the benchmarks: the test issuer (local/jwt-authorizer/test-issuer.ts) serving
 * `${issuer}/.well-known/jwks.json` at its origin, where the gateway looks, as API Gateway does.
 */
export function startJwks(keys?: TestKey[]): Promise<TestIssuer> {
  return startIssuer({ path: '', ...(keys ? { keys } : {}) });
}

export interface Running {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node file args…` and waits for its `listening on URL` line (local/processes.ts). */
export async function startProcess(
  file: string,
  args: string[],
  timeoutMs = 20_000,
): Promise<Running> {
  const managed = await startManaged({
    name: relative(ROOT, file),
    command: process.execPath,
    args: [file, ...args],
    cwd: ROOT,
    ready: /^listening on (http:\/\/127\.0\.0\.1:\d+)/m,
    timeoutMs,
  });
  const { child, stop } = managed;
  return { url: managed.ready[1]!, pid: child.pid ?? 0, child, stop };
}

/**
 * The reference Timer server with its second fence checking tokens from `issuer` (the same rules
 * as the gateway's), or with `'insecure-no-auth'` none: the baseline that prices the fence.
 */
export function startTimer(issuer: string, port = 0): Promise<Running> {
  const file = npmScriptFile('timer-server');
  if (!file) throw new Error('npm run timer-server is missing');
  const auth =
    issuer === 'insecure-no-auth'
      ? ['--insecure-no-auth']
      : ['--issuer', issuer, '--audience', CLIENT_ID, '--scopes', SCOPE];
  return startProcess(file, ['--port', String(port), '--db', ':memory:', ...auth]);
}

export function startGateway(issuer: string, upstream: string): Promise<Running> {
  const file = npmScriptFile('gateway');
  if (!file) throw new Error('npm run gateway is missing');
  return startProcess(file, [
    '--port',
    '0',
    '--issuer',
    issuer,
    '--audience',
    CLIENT_ID,
    '--upstream',
    upstream,
    '--allowed-origins',
    'http://localhost:4200',
    '--scopes',
    SCOPE,
  ]);
}

/** CPU time (user + system) a process has used so far, in µs (Linux /proc, USER_HZ = 100). */
export function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** Resident set size and open file descriptors of a process, from /proc (Linux). */
export function processStats(pid: number): { rss: number; fds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) * 1024;
  return { rss, fds: readdirSync(`/proc/${pid}/fd`).length };
}
