// The integration URI parsed once per integration, and the pool's retry rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { urlToHttpOptions } from 'node:url';
import { createUpstreamPool, parseUpstream, upstreamHref } from './upstream.ts';

test('an integration URI gives protocol, host, port and credentials as a URL object does', () => {
  for (const base of [
    'http://127.0.0.1:3001',
    'http://127.0.0.1:3001/',
    'http://127.0.0.1:3001/base',
    'http://127.0.0.1:3001/base//',
    'http://localhost/v1/api/',
    'https://user:p%40ss@example.com:8443/x/y',
    'http://[::1]:8080/stage',
    'http://127.0.0.1:3001/a%20b/',
  ]) {
    const o = urlToHttpOptions(new URL(base));
    const t = parseUpstream(base);
    assert.deepEqual(
      { protocol: t.protocol, hostname: t.hostname, port: t.port, auth: t.auth },
      { protocol: o.protocol, hostname: o.hostname, port: o.port, auth: o.auth },
      base,
    );
    // The request-target follows the base path as received (request-target.ts).
    assert.equal(t.basePath, new URL(base).pathname.replace(/\/+$/, ''), base);
  }
});

test('log lines name the integration and the request-target as sent, never credentials', () => {
  assert.equal(
    upstreamHref('http://127.0.0.1:1/base/', '//tasks/%2e%2e?x=1'),
    'http://127.0.0.1:1/base//tasks/%2e%2e?x=1',
  );
  assert.equal(
    upstreamHref('https://user:p%40ss@example.com:8443/x/y', '/t'),
    'https://example.com:8443/x/y/t',
  );
});

test('idempotent methods use the pool and may retry a failure on a reused connection', () => {
  const pool = createUpstreamPool({ maxSockets: 3, maxFreeSockets: 2 });
  try {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']) {
      const agent = pool.agentFor('http:', method);
      assert.ok(agent, method);
      assert.equal(agent.maxSockets, 3);
      assert.equal(agent.maxFreeSockets, 2);
      assert.equal((agent as unknown as { keepAlive: boolean }).keepAlive, true);
    }
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    assert.equal(pool.mayRetry('GET', true, reset), true);
    assert.equal(pool.mayRetry('GET', false, reset), false, 'fresh connection: no retry');
    const refused = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    assert.equal(pool.mayRetry('GET', true, refused), false);
    for (const method of ['POST', 'PATCH', 'CONNECT', 'FOO']) {
      assert.equal(pool.agentFor('http:', method), false, `${method}: a fresh connection`);
      assert.equal(pool.mayRetry(method, true, reset), false, `${method}: never retried`);
    }
    assert.notEqual(pool.agentFor('https:', 'GET'), pool.agentFor('http:', 'GET'));
  } finally {
    pool.destroy();
  }
});
