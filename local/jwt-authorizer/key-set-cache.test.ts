// The issuer's key set as API Gateway holds it: used for at most a max age, refetched at once for
// a new kid, never fetched on every request. Real RS256 tokens and a real JWKS server on
// 127.0.0.1; the key set's age runs on an injected monotonic clock, so no test waits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK } from 'jose';
import { createAuthorizer, JWKS_MAX_AGE_SECONDS, verdict } from './authorizer.ts';
import { KeySetCache } from './key-set-cache.ts';

interface Key {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

async function newKey(kid: string): Promise<Key> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256' } };
}

let server: Server;
let issuer: string;
let served: Key[] = [];
/** JWKS fetches seen by the server. */
let fetches = 0;

before(async () => {
  server = createServer((req, res) => {
    if (!req.url?.endsWith('/.well-known/jwks.json')) return void res.writeHead(404).end();
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: served.map((k) => k.jwk) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pool`;
});
after(
  () =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
);

const SCOPE = 'aws.cognito.signin.user.admin';
const sign = (key: Key, sub = 'user') => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: issuer, client_id: 'client1', scope: SCOPE, sub, iat: now })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setExpirationTime(now + 600)
    .sign(key.privateKey);
};

/** An authorizer on a clock the test moves (milliseconds). */
function clocked(options: { cacheSize?: number; waitSeconds?: number; maxAgeSeconds?: number }) {
  const clock = { ms: 1_000_000 };
  const authorizer = createAuthorizer({
    issuer,
    audience: ['client1'],
    log: () => {},
    refetchWaitSeconds: options.waitSeconds ?? 0,
    verifiedTokenCacheSize: options.cacheSize,
    jwksMaxAgeSeconds: options.maxAgeSeconds,
    monotonicNow: () => clock.ms,
  });
  const ok = async (token: string) =>
    verdict(await authorizer.authorize(`Bearer ${token}`, [SCOPE])).ok;
  return { clock, authorizer, ok };
}

test('the default max age is AWS documented hour', () => {
  assert.equal(JWKS_MAX_AGE_SECONDS, 3600);
});

test('a key removed from the JWKS stops verifying once the key set is max age old, remembered tokens included', async () => {
  const [k1, k2] = await Promise.all([newKey('k1'), newKey('k2')]);
  served = [k1, k2];
  const old = await sign(k1);
  const remembering = clocked({ maxAgeSeconds: 60 });
  const verifying = clocked({ maxAgeSeconds: 60, cacheSize: 0 });
  for (const a of [remembering, verifying]) assert.equal(await a.ok(old), true);
  assert.equal(remembering.authorizer.cachedTokens, 1);

  served = [k2]; // the issuer revokes k1
  for (const a of [remembering, verifying]) {
    a.clock.ms += 59_999;
    assert.equal(await a.ok(old), true, 'within the max age the held key set still has k1');
    a.clock.ms += 1;
    assert.equal(await a.ok(old), false, 'at the max age the key set is fetched again, without k1');
    assert.equal(await a.ok(await sign(k2)), true, 'k2 still verifies');
  }
  assert.equal(remembering.authorizer.cachedTokens, 1, 'only the k2 token is remembered');
});

test('with no unknown kid at all, the key set is still fetched again after the max age (default 1 hour)', async () => {
  const k1 = await newKey('k1');
  served = [k1];
  const a = clocked({});
  const token = await sign(k1);
  const before = fetches;
  assert.equal(await a.ok(token), true);
  a.clock.ms += 3599_000;
  assert.equal(await a.ok(token), true);
  assert.equal(fetches - before, 1, 'one fetch within the hour');
  a.clock.ms += 1000;
  assert.equal(await a.ok(token), true);
  assert.equal(fetches - before, 2, 'fetched again at the hour');
});

test('a key published again under the same kid replaces the old one after the max age', async () => {
  const [first, second] = await Promise.all([newKey('same'), newKey('same')]);
  served = [first];
  const a = clocked({ maxAgeSeconds: 60, cacheSize: 0 });
  const old = await sign(first);
  assert.equal(await a.ok(old), true);
  served = [second];
  a.clock.ms += 60_000;
  // The library keeps a key object per (issuer, kid, alg); the old one must not survive the refetch.
  assert.equal(await a.ok(old), false);
  assert.equal(await a.ok(await sign(second)), true);
});

test('a new kid is picked up at once, and unknown kids fetch at most once per wait', async () => {
  const [k1, k2] = await Promise.all([newKey('k1'), newKey('k2')]);
  served = [k1];
  const a = clocked({ waitSeconds: 10 });
  assert.equal(await a.ok(await sign(k1)), true);
  const before = fetches;
  served = [k1, k2];
  assert.equal(await a.ok(await sign(k2)), true, 'rotation: k2 verified at its first request');
  assert.equal(fetches - before, 1);

  const strangers = await Promise.all(['x1', 'x2', 'x3', 'x4'].map(newKey));
  for (const stranger of strangers) assert.equal(await a.ok(await sign(stranger)), false);
  assert.equal(fetches - before, 2, 'one fetch for the first unknown kid, none during the wait');
  a.clock.ms += 10_000;
  assert.equal(await a.ok(await sign(strangers[0]!)), false);
  assert.equal(fetches - before, 3, 'after the wait, one more');
  assert.equal(await a.ok(await sign(k1)), true, 'known keys verify meanwhile');
});

test('requests arriving when the key set is past its max age share one fetch', async () => {
  const k1 = await newKey('k1');
  served = [k1];
  const a = clocked({ maxAgeSeconds: 60, cacheSize: 0 });
  const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => sign(k1, `u${i}`)));
  assert.equal(await a.ok(tokens[0]!), true);
  a.clock.ms += 60_000;
  const before = fetches;
  const results = await Promise.all(tokens.map((t) => a.ok(t)));
  assert.deepEqual(new Set(results), new Set([true]));
  assert.equal(fetches - before, 1);
});

test('KeySetCache refuses a negative or non-finite max age or wait', () => {
  const load = async () => ({ keys: [] });
  for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => new KeySetCache({ load, maxAgeMs: bad, unknownKidWaitMs: 0 }), RangeError);
    assert.throws(() => new KeySetCache({ load, maxAgeMs: 0, unknownKidWaitMs: bad }), RangeError);
  }
});
