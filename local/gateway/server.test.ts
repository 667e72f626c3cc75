// The gateway built from the real template, with real RS256 tokens, a real JWKS server, a real
// upstream and the built CORS Lambda.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import type { RunningGateway } from './server.ts';
import { startIssuer, type TestIssuer } from '../jwt-authorizer/test-issuer.ts';
import { startTestGateway, startUpstream, TEST_ORIGIN, type Upstream } from './testing.ts';

const ALLOWED = TEST_ORIGIN;
const SCOPE = 'aws.cognito.signin.user.admin';
let issuer: TestIssuer;
let upstream: Upstream;
let gateway: RunningGateway;
const logs: string[] = [];

before(async () => {
  issuer = await startIssuer();
  upstream = await startUpstream();
  gateway = await startTestGateway(
    { issuer: issuer.issuer, upstream: upstream.url, allowedOrigins: [ALLOWED] },
    { integrationTimeoutMs: 500, log: (l) => logs.push(l) },
  );
});
after(async () => {
  await gateway?.close();
  await upstream?.close();
  await issuer?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const claims = () => ({
  iss: issuer.issuer,
  client_id: 'client1',
  scope: SCOPE,
  token_use: 'access',
  exp: now() + 300,
  iat: now(),
});

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(gateway.url + path, { ...init, signal: AbortSignal.timeout(10_000) });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function expectRejected(token: string, status = 401) {
  const before = upstream.seen.length;
  const res = await call('/tasks', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, status, res.text);
  assert.deepEqual(JSON.parse(res.text), {
    message: status === 401 ? 'Unauthorized' : 'Forbidden',
  });
  assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer scope="[^"]*" error="/);
  assert.equal(upstream.seen.length, before, 'upstream must see nothing');
}

test(
  'a valid access token reaches the upstream with method, path, query, body and headers',
  { timeout: 30_000 },
  async () => {
    const token = await issuer.sign(claims());
    const res = await call('/tasks/7?x=1&y=2', {
      method: 'PUT',
      headers: { authorization: token, 'content-type': 'application/json', 'x-custom': 'v' },
      body: '{"a":1}',
    });
    assert.equal(res.status, 200, res.text);
    const seen = upstream.seen.at(-1)!;
    assert.equal(seen.method, 'PUT');
    assert.equal(seen.url, '/tasks/7?x=1&y=2');
    assert.equal(seen.body, '{"a":1}');
    assert.equal(seen.headers['x-custom'], 'v');
    assert.equal(seen.headers.authorization, token);
    // Where it came from, and the scheme the client really used, as one Forwarded element
    // (forwarding.ts); no X-Forwarded-* (HTTP API translates them into Forwarded).
    const host = new URL(gateway.url).host;
    assert.equal(seen.headers.forwarded, `for=127.0.0.1;host="${host}";proto=http`);
    assert.equal(seen.headers['x-forwarded-proto'], undefined);
    assert.equal(seen.headers['x-forwarded-for'], undefined);
    // No Origin: no CORS headers, and the upstream's own CORS headers are dropped.
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  },
);

/** A request whose request-target is sent exactly as given (fetch would normalise it). */
function rawRequest(
  base: string,
  target: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

const UNNORMALISED_TARGETS = [
  '//tasks/1',
  '/tasks/%2e%2e/admin',
  '/tasks/%2E%2e/%2e/admin',
  '/a/../b',
  '/tasks/./7',
  '/tasks/7?q=a/../b&r=%2F&s=?t',
  '/tasks?',
  '/tasks/%zz/%2F',
  '/a\\..\\b',
  '/tasks/!$&\'()*+,;=:@~"<>{}|^`',
];

test(
  'the upstream gets the path and query exactly as the client sent them',
  { timeout: 30_000 },
  async () => {
    const token = await issuer.sign(claims());
    for (const target of UNNORMALISED_TARGETS) {
      const res = await rawRequest(gateway.url, target, 'GET', { authorization: token });
      assert.equal(res.status, 200, `${target}: ${res.text}`);
      assert.equal(upstream.seen.at(-1)!.url, target);
    }
    // Behind an integration URI with a base path, the same request-target follows it.
    const based = await startTestGateway({
      issuer: issuer.issuer,
      upstream: `${upstream.url}/base/`,
      allowedOrigins: [ALLOWED],
    });
    try {
      for (const target of UNNORMALISED_TARGETS) {
        const res = await rawRequest(based.url, target, 'GET', { authorization: token });
        assert.equal(res.status, 200, `${target}: ${res.text}`);
        assert.equal(upstream.seen.at(-1)!.url, `/base${target}`);
      }
    } finally {
      await based.close();
    }
  },
);

test(
  'a request-target that is not origin-form → 400, and the upstream sees nothing',
  { timeout: 30_000 },
  async () => {
    const token = await issuer.sign(claims());
    const before = upstream.seen.length;
    for (const [method, target] of [
      ['GET', `${upstream.url}/tasks`],
      ['GET', 'http://gateway.local/tasks'],
      ['OPTIONS', '*'],
      ['GET', '/tasks#fragment'],
    ] as const) {
      const res = await rawRequest(gateway.url, target, method, { authorization: token });
      assert.equal(res.status, 400, `${method} ${target}: ${res.text}`);
      assert.deepEqual(JSON.parse(res.text), { message: 'Bad Request' });
    }
    assert.equal(upstream.seen.length, before);
    // And the gateway keeps serving.
    assert.equal(
      (await rawRequest(gateway.url, '/tasks', 'GET', { authorization: token })).status,
      200,
    );
  },
);

test(
  'CORS headers on actual responses come from the template, only for allowed origins',
  { timeout: 30_000 },
  async () => {
    const token = await issuer.sign(claims());
    const ok = await call('/tasks', {
      headers: { authorization: `Bearer ${token}`, origin: ALLOWED },
    });
    assert.equal(ok.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal(ok.headers.get('access-control-expose-headers'), 'location,etag,link');
    const other = await call('/tasks', {
      headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' },
    });
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  },
);

test(
  'a 401 carries CORS headers for an allowed origin and none for another',
  { timeout: 30_000 },
  async () => {
    const a = await call('/tasks', { headers: { origin: ALLOWED } });
    assert.equal(a.status, 401);
    assert.equal(a.headers.get('access-control-allow-origin'), ALLOWED);
    const b = await call('/tasks', { headers: { origin: 'http://localhost:4201' } });
    assert.equal(b.status, 401);
    assert.equal(b.headers.get('access-control-allow-origin'), null);
  },
);

test(
  'missing, garbage, expired, not-yet-valid, issued in the future, wrong issuer/audience → 401',
  { timeout: 30_000 },
  async () => {
    await expectRejected('');
    await expectRejected('garbage');
    await expectRejected(await issuer.sign({ ...claims(), exp: now() - 10 }));
    await expectRejected(await issuer.sign({ ...claims(), exp: undefined }));
    await expectRejected(await issuer.sign({ ...claims(), nbf: now() + 120 }));
    await expectRejected(await issuer.sign({ ...claims(), iat: now() + 3600 }));
    await expectRejected(await issuer.sign({ ...claims(), iss: issuer.issuer + 'x' }));
    await expectRejected(await issuer.sign({ ...claims(), client_id: 'other' }));
    await expectRejected(await issuer.sign({ ...claims(), aud: 'other' }));
  },
);

test('an id token (aud, no scope) → 403 per the route scopes', { timeout: 30_000 }, async () => {
  const { client_id: _, scope: __, ...rest } = claims();
  await expectRejected(await issuer.sign({ ...rest, aud: 'client1', token_use: 'id' }), 403);
});

test(
  'alg none, HS256 with the public key, foreign key, unknown kid, tampered payload, jku/jwk → 401',
  { timeout: 30_000 },
  async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    await expectRejected(`${b64({ alg: 'none', kid: issuer.kid })}.${b64(claims())}.`);
    const pem = issuer.publicKey.export({ type: 'spki', format: 'pem' });
    const hs = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: issuer.kid })
      .sign(new Uint8Array(Buffer.from(pem)));
    await expectRejected(hs);
    const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expectRejected(await issuer.sign(claims(), {}, foreign.privateKey));
    await expectRejected(await issuer.sign(claims(), { kid: 'unknown' }));
    const good = await issuer.sign(claims());
    const [h, , s] = good.split('.');
    await expectRejected(
      `${h}.${b64({ ...claims(), client_id: 'client1', scope: SCOPE + ' x' })}.${s}`,
    );
    // A key embedded in the header is never trusted.
    await expectRejected(
      await issuer.sign(
        claims(),
        { kid: 'embedded', jwk: { kty: 'RSA' }, jku: 'http://127.0.0.1:1/' },
        foreign.privateKey,
      ),
    );
  },
);

/** www-authenticate exactly as API Gateway shapes it, every value a clean quoted-string. */
const WELL_FORMED =
  /^Bearer scope="(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*" error="(?:invalid_token|insufficient_scope)" error_description="[\x20\x21\x23-\x5b\x5d-\x7e]*"$/;

test(
  'token-controlled header text (alg, kid) never reaches the www-authenticate header or a raw log line',
  { timeout: 30_000 },
  async () => {
    // A gateway of its own: a fresh JWKS cache, so the unknown kid is looked up (and logged).
    const lines: string[] = [];
    const g = await startTestGateway(
      { issuer: issuer.issuer, upstream: upstream.url, allowedOrigins: [ALLOWED] },
      { log: (l) => lines.push(l) },
    );
    try {
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const before = upstream.seen.length;
      const forged = 'nope\r\ngateway: forged line\u2028';
      const tokens = [
        ...['x\r\nx-injected: 1', '€', 'a"b', 'RS256\u0000', '\\'].map(
          (alg) => `${b64({ alg, kid: issuer.kid })}.${b64(claims())}.c2ln`,
        ),
        await issuer.sign(claims(), { kid: forged }),
      ];
      for (const token of tokens) {
        const res = await fetch(`${g.url}/tasks`, {
          headers: { authorization: `Bearer ${token}`, origin: ALLOWED },
        });
        assert.equal(res.status, 401, `${token}: ${await res.text()}`);
        assert.match(res.headers.get('www-authenticate') ?? '', WELL_FORMED);
        assert.equal(res.headers.get('x-injected'), null);
      }
      assert.equal(upstream.seen.length, before, 'upstream must see nothing');
      assert.ok(lines.length > 0, 'the unknown kid is logged');
      for (const line of lines) assert.doesNotMatch(line, /[\r\n\u2028]/, line);
      assert.ok(
        lines.some((l) => l.includes('nope\\u000d\\u000agateway: forged line\\u2028')),
        lines.join('\n'),
      );
    } finally {
      await g.close();
    }
  },
);

test(
  'unknown kids refetch the JWKS at most once per wait period',
  { timeout: 30_000 },
  async () => {
    const before = issuer.jwksRequests;
    for (let i = 0; i < 5; i++)
      await expectRejected(await issuer.sign(claims(), { kid: `nope-${i}` }));
    assert.ok(issuer.jwksRequests - before <= 1, `refetched ${issuer.jwksRequests - before} times`);
  },
);

test(
  'preflight goes to the built CORS Lambda: allowed vs disallowed origin',
  { timeout: 30_000 },
  async () => {
    const init = (origin: string) => ({
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    const before = upstream.seen.length;
    const ok = await call('/tasks/1', init(ALLOWED));
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(ok.headers.get('access-control-allow-methods') ?? '', /POST/);
    const root = await call('/', init(ALLOWED));
    assert.equal(root.status, 204);
    const bad = await call('/tasks', init('https://evil.example'));
    assert.equal(bad.status, 403);
    assert.equal(bad.headers.get('access-control-allow-origin'), null);
    assert.equal(upstream.seen.length, before);
  },
);

test('upstream timeout → 504, upstream down → 503 JSON', { timeout: 30_000 }, async () => {
  const token = await issuer.sign(claims());
  const slow = await call('/slow', { headers: { authorization: token } });
  assert.equal(slow.status, 504);
  const down = await startTestGateway({
    issuer: issuer.issuer,
    upstream: 'http://127.0.0.1:1',
    allowedOrigins: [ALLOWED],
  });
  try {
    const res = await fetch(`${down.url}/tasks`, { headers: { authorization: token } });
    assert.equal(res.status, 503);
    assert.deepEqual(await res.json(), { message: 'Service Unavailable' });
  } finally {
    await down.close();
  }
});

test('JWKS unreachable → 401 with a log line, never 500', { timeout: 30_000 }, async () => {
  const lines: string[] = [];
  const g = await startTestGateway(
    { issuer: 'http://127.0.0.1:1/local_gone', upstream: upstream.url },
    { log: (l) => lines.push(l) },
  );
  try {
    const token = await issuer.sign({ ...claims(), iss: 'http://127.0.0.1:1/local_gone' });
    const res = await fetch(`${g.url}/tasks`, { headers: { authorization: token } });
    assert.equal(res.status, 401);
    assert.ok(
      lines.some((l) => /JWKS/.test(l)),
      lines.join('\n'),
    );
  } finally {
    await g.close();
  }
});

test(
  'a JWKS that never answers → 401 with a log line, then 401 at once without another fetch',
  { timeout: 30_000 },
  async () => {
    let fetches = 0;
    let discoveries = 0;
    const silent = createServer((req) => {
      if (req.url?.endsWith('/openid-configuration')) discoveries++;
      else fetches++;
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const iss = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/local_silent`;
    const lines: string[] = [];
    const g = await startTestGateway(
      { issuer: iss, upstream: upstream.url },
      { jwksTimeoutMs: 300, log: (l) => lines.push(l) },
    );
    try {
      for (let i = 0; i < 4; i++) {
        const token = await issuer.sign({ ...claims(), iss, sub: `user-${i}` });
        const res = await fetch(`${g.url}/tasks`, { headers: { authorization: token } });
        assert.equal(res.status, 401);
        assert.equal(fetches, 1, `request ${i}: ${fetches} JWKS fetches`);
        assert.equal(
          discoveries,
          1,
          'the discovery document is asked for once, at the first token',
        );
      }
      const logged = lines.filter((l) => /JwksFetchError/.test(l));
      assert.equal(logged.length, 1, lines.join('\n'));
      assert.match(logged[0]!, /no complete answer within 300 ms/);
    } finally {
      await g.close();
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  },
);

test(
  'oversized body → 413 and oversized headers → 431, and the gateway keeps serving',
  { timeout: 30_000 },
  async () => {
    const token = await issuer.sign(claims());
    const big = await call('/tasks', {
      method: 'POST',
      headers: { authorization: token },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 97),
    });
    assert.equal(big.status, 413);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${gateway.url}/tasks`,
        { headers: { 'x-big': 'a'.repeat(20_000) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 431);
    const ok = await call('/tasks', { headers: { authorization: token } });
    assert.equal(ok.status, 200);
  },
);
