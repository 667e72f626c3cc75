// Request bodies against AWS's limits and the gateway's memory budget, and clients that go away
// mid-body. Real sockets on 127.0.0.1 (raw, so a test controls every byte and when it stops).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startIssuer, type TestIssuer } from '../jwt-authorizer/test-issuer.ts';
import { MAX_BODY_BYTES, MAX_LAMBDA_BODY_BYTES } from './limits.ts';
import type { RunningGateway } from './server.ts';
import { startTestGateway, startUpstream, TEST_ORIGIN, type Upstream } from './testing.ts';

const ALLOWED = TEST_ORIGIN;
const SCOPE = 'aws.cognito.signin.user.admin';
let issuer: TestIssuer;
let upstream: Upstream;
let gateway: RunningGateway;
const logs: string[] = [];
const debugs: string[] = [];
/** A gateway whose Lambda body budget is 1 MB. */
let small: RunningGateway;

before(async () => {
  issuer = await startIssuer();
  upstream = await startUpstream();
  const flags = { issuer: issuer.issuer, upstream: upstream.url, allowedOrigins: [ALLOWED] };
  gateway = await startTestGateway(flags, {
    log: (l) => logs.push(l),
    debug: (l) => debugs.push(l),
  });
  small = await startTestGateway(flags, {
    log: (l) => logs.push(l),
    bodyBudgets: { lambda: 1_000_000 },
  });
});
after(async () => {
  await small?.close();
  await gateway?.close();
  await upstream?.close();
  await issuer?.close();
});

const token = async () => {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: issuer.issuer,
    client_id: 'client1',
    scope: SCOPE,
    iat: now,
    exp: now + 300,
  };
  return `Bearer ${await issuer.sign(claims)}`;
};

interface Raw {
  socket: Socket;
  /** The status line, once the gateway answered ('closed' if it hung up without one). */
  status: Promise<string>;
}

/** Opens a connection and sends a request head; the body is the test's to send. */
function open(base: string, head: string[]): Raw {
  const socket = connect(Number(new URL(base).port), '127.0.0.1');
  let received = '';
  const status = new Promise<string>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n')) resolve(received.split('\r\n')[0]!);
    });
    socket.on('close', () => resolve(received.split('\r\n')[0] || 'closed'));
    socket.on('error', () => undefined);
  });
  socket.write(`${head.join('\r\n')}\r\n\r\n`);
  return { socket, status };
}

const preflight = (base: string, length: number | 'chunked') =>
  open(base, [
    'OPTIONS /tasks HTTP/1.1',
    `Host: ${new URL(base).host}`,
    `Origin: ${ALLOWED}`,
    'Access-Control-Request-Method: POST',
    length === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`,
  ]);

/** Resolves with the status line, or 'no answer' after `ms`. */
const within = (raw: Raw, ms = 5000) =>
  Promise.race([raw.status, sleep(ms).then(() => 'no answer')]);

const chunk = (bytes: number) => `${bytes.toString(16)}\r\n${'a'.repeat(bytes)}\r\n`;

test('a Lambda route refuses a declared body over what Lambda takes before reading it', async () => {
  const raw = preflight(gateway.url, MAX_LAMBDA_BODY_BYTES + 1);
  assert.equal(await within(raw), 'HTTP/1.1 413 Payload Too Large');
  raw.socket.destroy();
});

test('a chunked body is refused as soon as it passes the limit, without waiting for its end', async () => {
  const raw = preflight(gateway.url, 'chunked');
  // Exactly one byte over the limit, and then nothing: the answer must not wait for more.
  for (let sent = 0; sent <= MAX_LAMBDA_BODY_BYTES; sent += 1 << 20) {
    raw.socket.write(chunk(Math.min(1 << 20, MAX_LAMBDA_BODY_BYTES + 1 - sent)));
  }
  assert.equal(await within(raw), 'HTTP/1.1 413 Payload Too Large');
  raw.socket.destroy();
  // An authorized route reads up to the HTTP API quota, and no further.
  const authorized = open(gateway.url, [
    'POST /tasks HTTP/1.1',
    `Host: ${new URL(gateway.url).host}`,
    `Authorization: ${await token()}`,
    'Transfer-Encoding: chunked',
  ]);
  for (let sent = 0; sent <= MAX_BODY_BYTES; sent += 1 << 20) {
    authorized.socket.write(chunk(Math.min(1 << 20, MAX_BODY_BYTES + 1 - sent)));
  }
  assert.equal(await within(authorized), 'HTTP/1.1 413 Payload Too Large');
  authorized.socket.destroy();
});

test("the Lambda event, base64 body included, must fit Lambda's 6 MB", async () => {
  const answer = async (bytes: number) => {
    const raw = preflight(gateway.url, bytes);
    raw.socket.write('a'.repeat(bytes));
    const status = await within(raw);
    raw.socket.destroy();
    return status;
  };
  assert.equal(await answer(4 * 1024 * 1024), 'HTTP/1.1 204 No Content');
  assert.equal(await answer(MAX_LAMBDA_BODY_BYTES), 'HTTP/1.1 413 Payload Too Large');
});

test('bodies held at once stay within the budget: a request that does not fit gets 503 at once', async () => {
  // A takes 800 kB of the 1 MB budget and sends slowly.
  const a = preflight(small.url, 800_000);
  a.socket.write('a'.repeat(100_000));
  await sleep(100);
  // B does not fit, declared or chunked: refused without waiting for A.
  const b = preflight(small.url, 800_000);
  assert.equal(await within(b), 'HTTP/1.1 503 Service Unavailable');
  b.socket.destroy();
  const c = preflight(small.url, 'chunked');
  c.socket.write(chunk(300_000));
  assert.equal(await within(c), 'HTTP/1.1 503 Service Unavailable');
  c.socket.destroy();
  // A completes; what it held is given back once its answer is out.
  a.socket.write('a'.repeat(700_000));
  assert.equal(await within(a), 'HTTP/1.1 204 No Content');
  a.socket.destroy();
  await sleep(50);
  const d = preflight(small.url, 800_000);
  d.socket.write('a'.repeat(800_000));
  assert.equal(await within(d), 'HTTP/1.1 204 No Content');
  d.socket.destroy();
});

test('a client that disconnects mid-body is one short debug line, no error and no answer attempt', async () => {
  logs.length = 0;
  debugs.length = 0;
  const host = `Host: ${new URL(gateway.url).host}`;
  const heads = [
    ['OPTIONS /tasks HTTP/1.1', host, `Origin: ${ALLOWED}`, 'Content-Length: 1000'],
    ['POST /tasks HTTP/1.1', host, `Authorization: ${await token()}`, 'Content-Length: 1000'],
    ['POST /tasks HTTP/1.1', host, `Authorization: ${await token()}`, 'Transfer-Encoding: chunked'],
  ];
  const before = upstream.seen.length;
  for (const head of heads) {
    const raw = open(gateway.url, head);
    raw.socket.write(head.includes('Transfer-Encoding: chunked') ? chunk(100) : 'a'.repeat(100));
    await sleep(100);
    raw.socket.destroy();
    assert.equal(await raw.status, 'closed', 'nothing was sent back');
  }
  await sleep(200);
  assert.deepEqual(logs, [], 'nothing at error level');
  assert.equal(debugs.length, heads.length, 'one line per request');
  for (const line of debugs) {
    assert.match(line, /^gateway: client went away mid-request \(\w+\)$/);
  }
  assert.equal(upstream.seen.length, before, 'nothing reached the upstream');
  // And the gateway keeps serving.
  const res = await fetch(`${gateway.url}/tasks`, { headers: { authorization: await token() } });
  assert.equal(res.status, 200);
});
