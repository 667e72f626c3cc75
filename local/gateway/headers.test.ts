// Headers through the real gateway (template, RS256 tokens, JWKS server, recording upstream):
// hop-by-hop fields stay on their connection, the client's forwarding claims reach the upstream
// only as AWS documents, Vary: Origin whenever CORS applies, and crit tokens are refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sign as rsaSign } from 'node:crypto';
import { request } from 'node:http';
import { startIssuer, type TestIssuer } from '../jwt-authorizer/test-issuer.ts';
import type { RunningGateway } from './server.ts';
import { startTestGateway, startUpstream, TEST_ORIGIN, type Upstream } from './testing.ts';

const ALLOWED = TEST_ORIGIN;
const SCOPE = 'aws.cognito.signin.user.admin';
let issuer: TestIssuer;
let upstream: Upstream;
let gateway: RunningGateway;

before(async () => {
  issuer = await startIssuer();
  upstream = await startUpstream();
  gateway = await startTestGateway({
    issuer: issuer.issuer,
    upstream: upstream.url,
    allowedOrigins: [ALLOWED],
  });
});
after(async () => {
  await gateway?.close();
  await upstream?.close();
  await issuer?.close();
});

const claims = () => {
  const now = Math.floor(Date.now() / 1000);
  return { iss: issuer.issuer, client_id: 'client1', scope: SCOPE, iat: now, exp: now + 300 };
};

/** A request through node:http, which (unlike fetch) sends Connection and Forwarded as given. */
function send(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${gateway.url}${path}`, { method, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('fields named in Connection reach neither the upstream nor the client', async () => {
  const authorization = `Bearer ${await issuer.sign(claims())}`;
  const res = await send('/hop', {
    authorization,
    connection: 'keep-alive, X-Foo',
    'x-foo': 'secret',
    'keep-alive': 'timeout=5',
    'x-kept': 'yes',
  });
  assert.equal(res.status, 200);
  const seen = upstream.seen.at(-1)!.headers;
  assert.equal(seen['x-foo'], undefined);
  assert.equal(seen['keep-alive'], undefined);
  assert.equal(seen['x-kept'], 'yes');
  assert.equal(res.headers['x-up-secret'], undefined, 'named in the upstream answer Connection');
  assert.equal(res.headers['x-up-kept'], '1');
});

test('client forwarding headers reach the upstream only as claims before the gateway own Forwarded element', async () => {
  const authorization = `Bearer ${await issuer.sign(claims())}`;
  const res = await send('/tasks', {
    authorization,
    'x-forwarded-for': '203.0.113.7',
    'x-forwarded-proto': 'https',
    forwarded: 'for="unclosed',
    'x-amzn-trace-id': 'Root=1-forged',
    'x-real-ip': '198.51.100.1',
  });
  assert.equal(res.status, 200);
  const seen = upstream.seen.at(-1)!.headers;
  const host = new URL(gateway.url).host;
  assert.equal(
    seen.forwarded,
    `for=203.0.113.7;proto=https, for=127.0.0.1;host="${host}";proto=http`,
  );
  for (const name of ['x-forwarded-for', 'x-forwarded-proto', 'x-amzn-trace-id']) {
    assert.equal(seen[name], undefined, name);
  }
  // Not AWS's to touch, and not to be trusted (docs/gateway-emulator.md).
  assert.equal(seen['x-real-ip'], '198.51.100.1');
});

test('Vary: Origin on every answer of a CORS API, whether the origin was allowed, refused or absent', async () => {
  const authorization = `Bearer ${await issuer.sign(claims())}`;
  for (const origin of [ALLOWED, 'https://evil.example', 'null', undefined]) {
    const headers: Record<string, string> = origin === undefined ? {} : { origin };
    for (const res of [
      await send('/tasks', { ...headers, authorization }), // upstream answer
      await send('/tasks', headers), // authorizer refusal
      await send('/tasks', { ...headers, 'access-control-request-method': 'GET' }, 'OPTIONS'),
    ]) {
      assert.match(String(res.headers.vary), /(^|, *)Origin(,|$)/i, `${origin} → ${res.status}`);
      if (origin !== ALLOWED) assert.equal(res.headers['access-control-allow-origin'], undefined);
    }
  }
});

test('a token whose header carries crit is refused, though correctly signed', async () => {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  for (const header of [
    { alg: 'RS256', kid: issuer.kid, crit: ['x-ext'], 'x-ext': 1 },
    { alg: 'RS256', kid: issuer.kid, crit: ['b64'], b64: true },
  ]) {
    const input = `${b64(header)}.${b64(claims())}`;
    const signature = rsaSign('RSA-SHA256', Buffer.from(input), issuer.privateKey);
    const before = upstream.seen.length;
    const res = await send('/tasks', {
      authorization: `Bearer ${input}.${signature.toString('base64url')}`,
    });
    assert.equal(res.status, 401);
    assert.match(
      String(res.headers['www-authenticate']),
      /error_description="invalid token header"/,
    );
    assert.equal(upstream.seen.length, before);
  }
  // The same token without crit is fine: the refusal is about crit alone.
  const input = `${b64({ alg: 'RS256', kid: issuer.kid })}.${b64(claims())}`;
  const signature = rsaSign('RSA-SHA256', Buffer.from(input), issuer.privateKey);
  const ok = await send('/tasks', {
    authorization: `Bearer ${input}.${signature.toString('base64url')}`,
  });
  assert.equal(ok.status, 200);
});
