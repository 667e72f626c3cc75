// The gateway's keep-alive pool to HTTP_PROXY integrations, end to end: connection reuse, stale
// pooled connections, upstream restarts, a saturated pool and clients that go away.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningGateway } from './server.ts';
import { startTestGateway, TEST_ORIGIN } from './testing.ts';
import { startIssuer, type TestIssuer } from '../jwt-authorizer/test-issuer.ts';

let issuer: TestIssuer;
let token: string;
before(async () => {
  issuer = await startIssuer();
  const now = Math.floor(Date.now() / 1000);
  token = await issuer.sign({
    iss: issuer.issuer,
    client_id: 'client1',
    scope: 'aws.cognito.signin.user.admin',
    token_use: 'access',
    exp: now + 600,
  });
});
after(() => issuer?.close());

interface CountingUpstream {
  url: string;
  port: number;
  /** Connections accepted so far. */
  accepted: number;
  /** Connections open right now, and the most open at once. */
  open: number;
  mostOpen: number;
  requests: string[];
  close(): Promise<void>;
}

/** An upstream that counts connections; `/slow` never answers, `/delay` answers after 600 ms. */
async function startCountingUpstream(port = 0): Promise<CountingUpstream> {
  const state = {
    accepted: 0,
    open: 0,
    mostOpen: 0,
    requests: [] as string[],
  };
  const server: Server = createHttpServer((req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/slow')) return;
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      };
      if (req.url?.startsWith('/delay')) setTimeout(answer, 600);
      else answer();
    });
  });
  server.on('connection', (socket: Socket) => {
    state.accepted++;
    state.open++;
    state.mostOpen = Math.max(state.mostOpen, state.open);
    socket.on('close', () => state.open--);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  const actual = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  });
}

function gatewayTo(
  upstream: string,
  options: Parameters<typeof startTestGateway>[1] = {},
): Promise<RunningGateway> {
  return startTestGateway(
    { issuer: issuer.issuer, upstream, allowedOrigins: [TEST_ORIGIN] },
    options,
  );
}

/** A counting upstream and a gateway (with `options`) in front of it for `body`; both closed after. */
async function withPooledGateway(
  options: Parameters<typeof startTestGateway>[1],
  body: (gateway: RunningGateway, upstream: CountingUpstream) => Promise<void>,
): Promise<void> {
  const upstream = await startCountingUpstream();
  const gateway = await gatewayTo(upstream.url, options);
  try {
    await body(gateway, upstream);
  } finally {
    await gateway.close();
    await upstream.close();
  }
}

async function call(gateway: RunningGateway, path: string, init: RequestInit = {}) {
  const started = performance.now();
  const res = await fetch(gateway.url + path, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

test('idempotent requests reuse pooled upstream connections; POST gets a fresh one each', () =>
  withPooledGateway({}, async (gateway, upstream) => {
    for (let i = 0; i < 30; i++) assert.equal((await call(gateway, `/tasks/${i}`)).status, 200);
    assert.equal(upstream.accepted, 1, 'sequential GETs share one connection');
    for (const method of ['PUT', 'DELETE']) {
      assert.equal((await call(gateway, '/tasks/1', { method, body: '{}' })).status, 200);
    }
    assert.equal(upstream.accepted, 1);
    for (let i = 0; i < 5; i++) {
      assert.equal((await call(gateway, '/tasks', { method: 'POST', body: '{}' })).status, 200);
    }
    assert.equal(upstream.accepted, 6, 'each POST on its own connection, as before');
    assert.equal(upstream.requests.length, 37);
  }));

/**
 * An upstream that keeps connections open after answering, without announcing a keep-alive
 * timeout, and hangs up without a word on the next request of the same connection: a pooled
 * connection closed by the server just as the gateway reuses it.
 */
async function startHangUpUpstream(): Promise<{
  url: string;
  accepted: number;
  requests: number;
  close(): Promise<void>;
}> {
  const state = { accepted: 0, requests: 0 };
  const server: NetServer = createNetServer((socket) => {
    state.accepted++;
    let answered = false;
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      if (!buffered.includes('\r\n\r\n')) return;
      buffered = '';
      state.requests++;
      if (answered) {
        socket.destroy();
        return;
      }
      answered = true;
      socket.write(
        'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}',
      );
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
}

test('a GET that fails on a pooled connection the upstream closed is sent again on a new one', async () => {
  const upstream = await startHangUpUpstream();
  const gateway = await gatewayTo(upstream.url);
  try {
    for (let i = 0; i < 4; i++) {
      const res = await call(gateway, '/tasks');
      assert.equal(res.status, 200, `request ${i}: ${res.text}`);
    }
    // Requests 2-4 each met the previous (now dead) pooled connection first.
    assert.equal(upstream.accepted, 4);
    assert.equal(upstream.requests, 7);
    // POST never meets a pooled connection, so it never needs a retry.
    const post = await call(gateway, '/tasks', { method: 'POST', body: '{}' });
    assert.equal(post.status, 200);
  } finally {
    await gateway.close();
    await upstream.close();
  }
});

test('upstream restart: 503 at once while it is down, 200 again when it is back', async () => {
  let upstream = await startCountingUpstream();
  const gateway = await gatewayTo(upstream.url, { integrationTimeoutMs: 5000 });
  try {
    // Fill the pool with several idle connections.
    const warm = await Promise.all(Array.from({ length: 8 }, () => call(gateway, '/tasks')));
    assert.deepEqual(new Set(warm.map((r) => r.status)), new Set([200]));
    const port = upstream.port;
    await upstream.close();
    for (let i = 0; i < 5; i++) {
      const down = await call(gateway, '/tasks');
      assert.equal(down.status, 503, down.text);
      assert.deepEqual(JSON.parse(down.text), { message: 'Service Unavailable' });
      assert.ok(down.ms < 1000, `503 took ${down.ms} ms`);
    }
    upstream = await startCountingUpstream(port);
    assert.equal((await call(gateway, '/tasks')).status, 200);
  } finally {
    await gateway.close();
    await upstream.close();
  }
});

test('a saturated pool queues requests, never past the integration timeout', () =>
  withPooledGateway(
    { integrationTimeoutMs: 300, upstreamPool: { maxSockets: 2 } },
    async (gateway, upstream) => {
      const results = await Promise.all(Array.from({ length: 6 }, () => call(gateway, '/slow')));
      for (const r of results) {
        assert.equal(r.status, 504, r.text);
        assert.ok(r.ms < 2000, `504 took ${r.ms} ms`);
      }
      assert.ok(upstream.mostOpen <= 2, `${upstream.mostOpen} connections at once`);
      assert.equal((await call(gateway, '/tasks')).status, 200);
    },
  ));

test('the idle-connection timeout never cuts a slow answer short', () =>
  withPooledGateway(
    { integrationTimeoutMs: 5000, upstreamPool: { freeSocketTimeoutMs: 200 } },
    async (gateway, upstream) => {
      // On a new connection, then on the pooled one (whose idle timeout was armed).
      for (let i = 0; i < 2; i++) {
        const res = await call(gateway, '/delay');
        assert.equal(res.status, 200, res.text);
        assert.ok(res.ms >= 550, `${res.ms} ms`);
      }
      assert.equal(upstream.accepted, 1);
      // Idle longer than the timeout: the pooled connection is closed, a new one is opened.
      await sleep(400);
      assert.equal(upstream.open, 0);
      assert.equal((await call(gateway, '/tasks')).status, 200);
      assert.equal(upstream.accepted, 2);
    },
  ));

test('a client that goes away releases its upstream connection', () =>
  withPooledGateway({ integrationTimeoutMs: 20_000 }, async (gateway, upstream) => {
    const req = request(`${gateway.url}/slow`, { headers: { authorization: token } });
    req.on('error', () => {});
    req.end();
    for (let i = 0; i < 50 && upstream.open === 0; i++) await sleep(20);
    assert.equal(upstream.open, 1);
    req.destroy();
    for (let i = 0; i < 50 && upstream.open > 0; i++) await sleep(20);
    assert.equal(upstream.open, 0, 'upstream connection closed well before the timeout');
    assert.equal((await call(gateway, '/tasks')).status, 200);
  }));
