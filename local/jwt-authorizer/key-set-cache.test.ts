// The issuer's key set as API Gateway holds it: used for at most a max age, refetched at once for
// a new kid, never fetched on every request. Real RS256 tokens and a real JWKS server on
// 127.0.0.1; the key set's age runs on an injected monotonic clock, so no test waits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAuthorizer, JWKS_MAX_AGE_SECONDS } from './authorizer.ts';
import { KeySetCache } from './key-set-cache.ts';
import { newTestKey, startIssuer, type TestIssuer, type TestKey } from './test-issuer.ts';

/** The JWKS server, whose key list each test sets; it counts the fetches it sees. */
let jwks: TestIssuer;
let issuer: string;

before(async () => {
  jwks = await startIssuer({ keys: [], path: '/pool' });
  issuer = jwks.issuer;
});
after(() => jwks.close());

const SCOPE = 'aws.cognito.signin.user.admin';
const sign = (key: TestKey, sub = 'user') => {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: issuer, client_id: 'client1', scope: SCOPE, sub, iat: now, exp: now + 600 };
  return jwks.sign(claims, {}, key);
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
  const ok = async (token: string) => (await authorizer.authorize(`Bearer ${token}`, [SCOPE])).ok;
  return { clock, authorizer, ok };
}

test('the default max age is AWS documented hour', () => {
  assert.equal(JWKS_MAX_AGE_SECONDS, 3600);
});

test('a key removed from the JWKS stops verifying once the key set is max age old, remembered tokens included', async () => {
  const [k1, k2] = await Promise.all([newTestKey('k1'), newTestKey('k2')]);
  jwks.serve([k1, k2]);
  const old = await sign(k1);
  const remembering = clocked({ maxAgeSeconds: 60 });
  const verifying = clocked({ maxAgeSeconds: 60, cacheSize: 0 });
  for (const a of [remembering, verifying]) assert.equal(await a.ok(old), true);
  assert.equal(remembering.authorizer.cachedTokens, 1);

  jwks.serve([k2]); // the issuer revokes k1
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
  const k1 = await newTestKey('k1');
  jwks.serve([k1]);
  const a = clocked({});
  const token = await sign(k1);
  const before = jwks.jwksRequests;
  assert.equal(await a.ok(token), true);
  a.clock.ms += 3599_000;
  assert.equal(await a.ok(token), true);
  assert.equal(jwks.jwksRequests - before, 1, 'one fetch within the hour');
  a.clock.ms += 1000;
  assert.equal(await a.ok(token), true);
  assert.equal(jwks.jwksRequests - before, 2, 'fetched again at the hour');
});

test('a key published again under the same kid replaces the old one after the max age', async () => {
  const [first, second] = await Promise.all([newTestKey('same'), newTestKey('same')]);
  jwks.serve([first]);
  const verifying = clocked({ maxAgeSeconds: 60, cacheSize: 0 });
  const remembering = clocked({ maxAgeSeconds: 60 });
  const old = await sign(first);
  for (const a of [verifying, remembering]) assert.equal(await a.ok(old), true);
  jwks.serve([second]);
  for (const a of [verifying, remembering]) {
    a.clock.ms += 60_000;
    // The library keeps a key object per (issuer, kid, alg), and a remembered token the key that
    // verified it: neither may outlive the refetch that replaced the key under its kid.
    assert.equal(await a.ok(old), false);
    assert.equal(await a.ok(await sign(second)), true);
  }
});

test('a new kid is picked up at once, and unknown kids fetch at most once per wait', async () => {
  const [k1, k2] = await Promise.all([newTestKey('k1'), newTestKey('k2')]);
  jwks.serve([k1]);
  const a = clocked({ waitSeconds: 10 });
  assert.equal(await a.ok(await sign(k1)), true);
  const before = jwks.jwksRequests;
  jwks.serve([k1, k2]);
  assert.equal(await a.ok(await sign(k2)), true, 'rotation: k2 verified at its first request');
  assert.equal(jwks.jwksRequests - before, 1);

  const strangers = await Promise.all(['x1', 'x2', 'x3', 'x4'].map(newTestKey));
  for (const stranger of strangers) assert.equal(await a.ok(await sign(stranger)), false);
  assert.equal(
    jwks.jwksRequests - before,
    2,
    'one fetch for the first unknown kid, none during the wait',
  );
  a.clock.ms += 10_000;
  assert.equal(await a.ok(await sign(strangers[0]!)), false);
  assert.equal(jwks.jwksRequests - before, 3, 'after the wait, one more');
  assert.equal(await a.ok(await sign(k1)), true, 'known keys verify meanwhile');
});

test('requests arriving when the key set is past its max age share one fetch', async () => {
  const k1 = await newTestKey('k1');
  jwks.serve([k1]);
  const a = clocked({ maxAgeSeconds: 60, cacheSize: 0 });
  const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => sign(k1, `u${i}`)));
  assert.equal(await a.ok(tokens[0]!), true);
  a.clock.ms += 60_000;
  const before = jwks.jwksRequests;
  const results = await Promise.all(tokens.map((t) => a.ok(t)));
  assert.deepEqual(new Set(results), new Set([true]));
  assert.equal(jwks.jwksRequests - before, 1);
});

test('KeySetCache refuses a negative or non-finite max age or wait', () => {
  const load = async () => ({ keys: [] });
  for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => new KeySetCache({ load, maxAgeMs: bad, unknownKidWaitMs: 0 }), RangeError);
    assert.throws(() => new KeySetCache({ load, maxAgeMs: 0, unknownKidWaitMs: bad }), RangeError);
  }
});
