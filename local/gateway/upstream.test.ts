// The upstream target computed once per integration URI gives what the per-request URL object gave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { urlToHttpOptions } from 'node:url';
import fc from 'fast-check';
import { createUpstreamPool, parseUpstream, upstreamHref } from './upstream.ts';

/** The previous per-request computation: a URL object per request, handed to http.request. */
function viaUrlObject(upstream: string, url: URL) {
  const target = new URL(upstream);
  target.pathname = `${target.pathname.replace(/\/+$/, '')}${url.pathname}`;
  target.search = url.search;
  const o = urlToHttpOptions(target);
  return { protocol: o.protocol, hostname: o.hostname, port: o.port, auth: o.auth, path: o.path };
}

function viaParsedTarget(upstream: string, url: URL) {
  const t = parseUpstream(upstream);
  return {
    protocol: t.protocol,
    hostname: t.hostname,
    port: t.port,
    auth: t.auth,
    path: `${t.basePath}${url.pathname}${url.search}`,
  };
}

const pathChar = fc.constantFrom(
  ...'aZ09-._~!$&\'()*+,;=:@/%?#[]{}|\\^`"<> '.split(''),
  '%2e',
  '%2E',
  '%2f',
  '..',
  '.',
  '//',
  'é',
  '\u0000',
  '%zz',
);
const requestUrl = fc.oneof(
  fc.array(pathChar, { maxLength: 24 }).map((parts) => `/${parts.join('')}`),
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => `/${s}`),
);
const upstream = fc.constantFrom(
  'http://127.0.0.1:3001',
  'http://127.0.0.1:3001/',
  'http://127.0.0.1:3001/base',
  'http://127.0.0.1:3001/base//',
  'http://localhost/v1/api/',
  'https://user:p%40ss@example.com:8443/x/y',
  'http://[::1]:8080/stage',
  'http://127.0.0.1:3001/a%20b/',
);

test('request path, host, port and credentials are the same as with a URL object per request', () => {
  fc.assert(
    fc.property(upstream, requestUrl, (base, path) => {
      // The gateway parses the request URL once, as before (a throw there is a 500 either way).
      const url = URL.parse(path, 'http://gateway.local');
      fc.pre(url !== null);
      assert.deepEqual(viaParsedTarget(base, url), viaUrlObject(base, url));
    }),
    { numRuns: 5000 },
  );
  for (const path of [
    '/tasks',
    '/tasks/7?x=1&y=2',
    '/a/../b',
    '/%2e%2e/x',
    '/?',
    '/t?q=a b',
    '/.//x',
  ]) {
    const url = new URL(path, 'http://gateway.local');
    const base = 'http://127.0.0.1:1/base/';
    assert.deepEqual(viaParsedTarget(base, url), viaUrlObject(base, url), path);
  }
  assert.equal(
    upstreamHref('http://127.0.0.1:1/base/', new URL('/tasks?x=1', 'http://gateway.local')),
    'http://127.0.0.1:1/base/tasks?x=1',
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
