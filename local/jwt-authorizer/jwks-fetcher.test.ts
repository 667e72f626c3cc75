// JWKS fetch failures: each is one named error, logged once with its reason, and followed by a
// wait without fetches. Real HTTP on 127.0.0.1; fetches are counted at the JWKS server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAuthorizer } from './authorizer.ts';
import { HttpJwksFetcher, JwksFetchError } from './jwks-fetcher.ts';
import { newTestKey, startIssuer, type JwksFailure, type TestIssuer } from './test-issuer.ts';

/** The JWKS server, failing as each test tells it to; it counts the requests it sees. */
let jwks: TestIssuer;
let base: string;

before(async () => {
  jwks = await startIssuer({ keys: [await newTestKey('k1')] });
  base = jwks.base;
});
after(() => jwks.close());

/** A port nothing listens on (a server opened and closed again). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

test('each kind of JWKS failure is one JwksFetchError, logged once with its reason, then a wait', async () => {
  const cases: [JwksFailure, RegExp][] = [
    ['hang', /no complete answer within 200 ms/],
    ['500', /answered HTTP 500/],
    ['bad json', /not a JWKS: .*JSON/],
    ['not a jwks', /not a JWKS: JWKS keys should be an array/],
  ];
  try {
    for (const [m, reason] of cases) {
      jwks.fail(m);
      const lines: string[] = [];
      const fetcher = new HttpJwksFetcher({ timeoutMs: 200, log: (l) => lines.push(l) });
      const uri = `${base}/${m.replace(/ /g, '-')}/.well-known/jwks.json`;
      const before = jwks.jwksRequests;
      await assert.rejects(fetcher.fetchJwks(uri), (e: unknown) => {
        assert.ok(e instanceof JwksFetchError, String(e));
        assert.equal(e.name, 'JwksFetchError');
        assert.match(e.message, reason);
        return true;
      });
      assert.equal(lines.length, 1, m);
      assert.match(lines[0]!, /JwksFetchError/);
      assert.match(lines[0]!, reason);
      // Within the wait: refused at once, without a fetch and without another log line.
      for (let i = 0; i < 3; i++) {
        await assert.rejects(fetcher.fetchJwks(uri), JwksFetchError);
      }
      assert.equal(
        jwks.jwksRequests - before,
        1,
        `${m}: fetched ${jwks.jwksRequests - before} times`,
      );
      assert.equal(lines.length, 1, m);
    }
  } finally {
    jwks.fail(undefined);
  }
  const lines: string[] = [];
  const refused = new HttpJwksFetcher({ log: (l) => lines.push(l) });
  const uri = `http://127.0.0.1:${await closedPort()}/.well-known/jwks.json`;
  await assert.rejects(refused.fetchJwks(uri), /could not be fetched: .*ECONNREFUSED/);
  await assert.rejects(refused.fetchJwks(uri), /not fetched again within 10 s/);
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /ECONNREFUSED/);
});

test('after the wait the JWKS is fetched again, and a success ends the wait', async () => {
  const fetcher = new HttpJwksFetcher({ retryAfterSeconds: 0.2, log: () => {} });
  const uri = `${base}/recover/.well-known/jwks.json`;
  const before = jwks.jwksRequests;
  jwks.fail('500');
  try {
    await assert.rejects(fetcher.fetchJwks(uri), JwksFetchError);
    await assert.rejects(fetcher.fetchJwks(uri), JwksFetchError);
    assert.equal(jwks.jwksRequests - before, 1);
    jwks.fail(undefined);
    await sleep(250);
    assert.equal((await fetcher.fetchJwks(uri)).keys.length, 1);
    assert.equal((await fetcher.fetchJwks(uri)).keys.length, 1);
    assert.equal(jwks.jwksRequests - before, 3);
  } finally {
    jwks.fail(undefined);
  }
});

test('while the JWKS fails, cached keys keep working and unknown kids get 401 at once', async () => {
  const lines: string[] = [];
  const issuer = `${base}/cached`;
  const authorizer = createAuthorizer({
    issuer,
    audience: ['client1'],
    log: (l) => lines.push(l),
    jwksTimeoutMs: 200,
  });
  const sign = (kid: string, sub: string) =>
    jwks.sign(
      { iss: issuer, client_id: 'client1', sub, exp: Math.floor(Date.now() / 1000) + 300 },
      { kid },
    );
  assert.equal((await authorizer.authorize(await sign('k1', 'a'), [])).ok, true);
  const before = jwks.jwksRequests;
  jwks.fail('hang');
  try {
    const first = await authorizer.authorize(await sign('k2', 'b'), []);
    assert.equal(first.ok === false && first.status, 401);
    assert.equal(jwks.jwksRequests - before, 1);
    assert.equal(lines.filter((l) => /JwksFetchError/.test(l)).length, 1, lines.join('\n'));
    for (let i = 0; i < 3; i++) {
      const again = await authorizer.authorize(await sign(`k${3 + i}`, 'c'), []);
      assert.equal(again.ok === false && again.status, 401);
      // A token not seen before, whose key the JWKS cache holds: verified without a fetch.
      assert.equal((await authorizer.authorize(await sign('k1', `d${i}`), [])).ok, true);
    }
    assert.equal(jwks.jwksRequests - before, 1, 'no fetch during the wait');
    assert.equal(lines.length, 1, lines.join('\n'));
  } finally {
    jwks.fail(undefined);
  }
});
