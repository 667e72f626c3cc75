// The offline chain for gateway benchmarks and load tests, started through the public CLIs
// (docs/architecture.md): a JWKS server, the reference Timer server and the
// local gateway, each a real process or server on 127.0.0.1 with port 0.
import type { ChildProcess } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SignJWT, exportJWK } from 'jose';
import { startProcess as startManaged } from '../../local/processes.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLIENT_ID = 'benchclient';
export const SCOPE = 'aws.cognito.signin.user.admin';

/** The script file behind an `npm run NAME` ("node some/file.ts"), or undefined if not there yet. */
export function npmScriptFile(name: string): string | undefined {
  const scripts = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).scripts ?? {};
  const file = /^node (\S+)$/.exec(String(scripts[name] ?? ''))?.[1];
  return file && existsSync(`${ROOT}${file}`) ? `${ROOT}${file}` : undefined;
}

export interface Signer {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly jwk: Record<string, unknown>;
}

export async function newSigner(kid: string): Promise<Signer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

/** A Cognito-shaped access token (RS256). */
export function accessToken(signer: Signer, issuer: string, ttlSeconds = 3600): Promise<string> {
  return new SignJWT({ token_use: 'access', client_id: CLIENT_ID, scope: SCOPE })
    .setProtectedHeader({ alg: 'RS256', kid: signer.kid })
    .setIssuer(issuer)
    .setSubject('bench-user')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(signer.privateKey);
}

export interface JwksServer {
  readonly issuer: string;
  readonly requests: () => number;
  close(): Promise<void>;
}

/** Serves `${issuer}/.well-known/jwks.json`, where the gateway looks, as API Gateway does. */
export async function startJwks(keys: readonly Signer[]): Promise<JwksServer> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    issuer: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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
    name: file.replace(ROOT, ''),
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
