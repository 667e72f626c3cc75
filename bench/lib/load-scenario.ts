// Load and faults through the local gateway: steady authorized load, then an upstream restart
// under load, the JWKS server going away, malformed requests, and a flood of oversized CORS
// preflights (unauthenticated, so anyone can send them). Shared by
// `npm run load` (full size) and bench/load.test.ts (shortened). Measures; the callers judge.
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { newTestKey } from '../../local/jwt-authorizer/test-issuer.ts';
import { cannon, type CannonResult } from './cannon.ts';
import { startProcess, type Managed } from '../../local/processes.ts';
import { accessToken, benchTimerRecipe, processStats, startChain, startJwks } from './stack.ts';

export interface LoadOptions {
  readonly requests: number;
  readonly connections: number;
  readonly log?: (line: string) => void;
}

export interface LoadReport {
  readonly load: { requests: number; errors: number; timeouts: number; non2xx: number };
  readonly rss: { afterWarmup: number; end: number; growth: number };
  readonly fds: { afterWarmup: number; end: number };
  readonly restart: {
    statuses: Record<string, number>;
    errors: number;
    timeouts: number;
    recovered: boolean;
  };
  readonly jwksDown: { cachedKeyStatus: number; newKidStatus: number };
  readonly malformed: Record<string, string>;
  /** PREFLIGHT_FLOOD oversized preflights at once: how they were answered, and the RSS peak. */
  readonly preflightFlood: {
    statuses: Record<string, number>;
    rssBefore: number;
    rssPeak: number;
    growthBytes: number;
  };
  readonly gatewayAliveAtEnd: boolean;
}

export const PREFLIGHT_FLOOD = 30;
const FLOOD_BODY_BYTES = 10 * 1024 * 1024;

const summary = (r: CannonResult) => ({
  requests: r.requests.total,
  errors: r.errors,
  timeouts: r.timeouts,
  non2xx: r.non2xx,
});

/** Sends raw bytes; resolves with the status line, 'closed' if the server hung up first. */
function raw(url: string, chunks: string[], endAfterWrite: boolean, timeoutMs = 5000) {
  const { port } = new URL(url);
  return new Promise<string>((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    const done = (result: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done('hung'), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const line = received.split('\r\n')[0];
      if (received.includes('\r\n')) done(line ?? '');
    });
    socket.on('error', () => done(received.split('\r\n')[0] || 'closed'));
    socket.on('close', () => done(received.split('\r\n')[0] || 'closed'));
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk, 'latin1');
      if (endAfterWrite) socket.end();
    });
  });
}

/**
 * An OPTIONS request with a 10 MB body (declared, or chunked when `chunked`), written as fast as
 * the gateway reads it until it answers; resolves with the status line.
 */
function oversizedPreflight(url: string, chunked: boolean): Promise<string> {
  const { port, host } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    const piece = Buffer.alloc(64 * 1024, 97);
    let received = '';
    let sent = 0;
    let answered = false;
    const done = (line: string) => {
      answered = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(line);
    };
    const timer = setTimeout(() => done('hung'), 30_000);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n')) done(received.split('\r\n')[0]!);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done(received.split('\r\n')[0] || 'closed'));
    const pump = () => {
      while (!answered && sent < FLOOD_BODY_BYTES) {
        sent += piece.length;
        const data = chunked ? [`${piece.length.toString(16)}\r\n`, piece, '\r\n'] : [piece];
        let more = true;
        for (const part of data) more = socket.write(part);
        if (!more) return void socket.once('drain', pump);
      }
      if (!answered && chunked) socket.write('0\r\n\r\n');
    };
    socket.on('connect', () => {
      socket.write(
        `OPTIONS /tasks HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://localhost:4200\r\n` +
          `Access-Control-Request-Method: POST\r\n` +
          (chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${FLOOD_BODY_BYTES}`) +
          '\r\n\r\n',
      );
      pump();
    });
  });
}

/** Oversized preflights at once, sampling the gateway's RSS meanwhile. */
async function preflightFlood(url: string, pid: number): Promise<LoadReport['preflightFlood']> {
  await sleep(200);
  const rssBefore = processStats(pid).rss;
  let rssPeak = rssBefore;
  let flooding = true;
  const sampler = (async () => {
    while (flooding) {
      rssPeak = Math.max(rssPeak, processStats(pid).rss);
      await sleep(10);
    }
  })();
  const lines = await Promise.all(
    Array.from({ length: PREFLIGHT_FLOOD }, (_, i) => oversizedPreflight(url, i % 2 === 1)),
  );
  await sleep(200); // what the answers left behind
  flooding = false;
  await sampler;
  rssPeak = Math.max(rssPeak, processStats(pid).rss);
  const statuses: Record<string, number> = {};
  for (const line of lines) statuses[line] = (statuses[line] ?? 0) + 1;
  return { statuses, rssBefore, rssPeak, growthBytes: rssPeak - rssBefore };
}

async function status(url: string, headers: Record<string, string>): Promise<number> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return -1; // connection error or hung past the timeout
  }
}

/** fds settle once the load generator's sockets are closed on both sides. */
async function settledFds(pid: number, atMost: number): Promise<number> {
  let fds = processStats(pid).fds;
  for (let i = 0; i < 20 && fds > atMost; i++) {
    await sleep(100);
    fds = processStats(pid).fds;
  }
  return fds;
}

export async function runLoadScenario(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => undefined);
  const stranger = await newTestKey('k2');
  const jwks = await startJwks([await newTestKey('k1')]);
  const chain = await startChain(jwks.issuer);
  // The Timer server started again on the same port by the restart fault below.
  let restarted: Managed | undefined;
  try {
    const { gateway, gatewayUrl, timerUrl } = chain;
    const authorization = `Bearer ${await accessToken(jwks)}`;
    const url = `${gatewayUrl}/tasks`;
    const headers = { authorization };
    const pid = gateway.child.pid!;

    // RSS is compared from after warm-up, so the warm-up must take the heap to its steady size
    // under this concurrency (measured: it plateaus within ~10k requests at 64 connections).
    const warmup = Math.max(1000, Math.round(options.requests / 2));
    log(`warm-up: ${warmup} requests`);
    await cannon({ url, headers, connections: options.connections, amount: warmup });
    await sleep(200);
    const warm = processStats(pid);
    const warmFds = await settledFds(pid, warm.fds);

    log(`load: ${options.requests} requests at ${options.connections} connections`);
    const load = await cannon({
      url,
      headers,
      connections: options.connections,
      amount: options.requests,
    });
    const end = processStats(pid);
    const endFds = await settledFds(pid, warmFds);

    log('fault: upstream restarted under load');
    const upstreamPort = new URL(timerUrl).port;
    const during = cannon({ url, headers, connections: 8, duration: 3 });
    await sleep(600);
    await chain.timer.stop();
    await sleep(800);
    restarted = await startProcess(benchTimerRecipe(jwks.issuer, Number(upstreamPort)));
    const restartLoad = await during;
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      recovered = (await status(url, headers)) === 200;
      if (!recovered) await sleep(100);
    }

    log('fault: JWKS server down after warm-up');
    await jwks.close();
    // A token the gateway has not seen yet (another exp, so another string), signed with the key
    // it fetched before: verified with the cached JWKS, not answered from verified tokens.
    const unseen = `Bearer ${await accessToken(jwks, 3000)}`;
    const cachedKeyStatus = await status(url, { authorization: unseen });
    const newKidStatus = await status(url, {
      authorization: `Bearer ${await accessToken(jwks, 3600, stranger)}`,
    });

    log('fault: malformed requests');
    const host = `Host: ${new URL(gatewayUrl).host}\r\n`;
    const malformed: Record<string, string> = {
      'header line without colon': await raw(
        gatewayUrl,
        [`GET /tasks HTTP/1.1\r\n${host}Bad Header Line\r\n\r\n`],
        false,
      ),
      'huge header (64 KiB)': await raw(
        gatewayUrl,
        [`GET /tasks HTTP/1.1\r\n${host}X-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`],
        false,
      ),
      'garbage request line': await raw(gatewayUrl, ['\x01\x02 nonsense\r\n\r\n'], false),
      'truncated body': await raw(
        gatewayUrl,
        [
          `POST /tasks HTTP/1.1\r\n${host}authorization: ${authorization}\r\n` +
            'content-type: application/json\r\ncontent-length: 100\r\n\r\n{"name":',
        ],
        true,
      ),
      'bearer garbage': await raw(
        gatewayUrl,
        [`GET /tasks HTTP/1.1\r\n${host}authorization: Bearer x.y.z\r\nconnection: close\r\n\r\n`],
        false,
      ),
    };
    log(`fault: ${PREFLIGHT_FLOOD} oversized preflights at once`);
    const flood = await preflightFlood(gatewayUrl, pid);
    const gatewayAliveAtEnd =
      gateway.child.exitCode === null && (await status(url, headers)) === 200;

    return {
      load: summary(load),
      rss: { afterWarmup: warm.rss, end: end.rss, growth: end.rss / warm.rss - 1 },
      fds: { afterWarmup: warmFds, end: endFds },
      restart: {
        statuses: Object.fromEntries(
          Object.entries(restartLoad.statusCodeStats).map(([code, s]) => [code, s.count]),
        ),
        errors: restartLoad.errors,
        timeouts: restartLoad.timeouts,
        recovered,
      },
      jwksDown: { cachedKeyStatus, newKidStatus },
      malformed,
      preflightFlood: flood,
      gatewayAliveAtEnd,
    };
  } finally {
    await chain.stop();
    await restarted?.stop();
    await jwks.close();
  }
}
