// The verified-token cache of the authorizer: a hit saves the signature check and nothing else.
// Real RS256 tokens and a real JWKS server on 127.0.0.1; the clock is node:test's mocked Date.
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, type JWTPayload } from 'jose';
import { createAuthorizer, type Authorization, type Authorizer } from './authorizer.ts';
import type { Decision, Description } from './claims.ts';
import { newTestKey, startIssuer, type TestIssuer, type TestKey } from './test-issuer.ts';

const SCOPE = 'aws.cognito.signin.user.admin';
const AUDIENCE = ['client1'];

/** The JWKS server, whose key list the test changes (key rotation). */
let jwks: TestIssuer;
let issuer: string;
let k1: TestKey;
let k2: TestKey;

before(async () => {
  [k1, k2] = await Promise.all([newTestKey('k1'), newTestKey('k2')]);
  jwks = await startIssuer({ keys: [k1], path: '/pool' });
  issuer = jwks.issuer;
});
after(() => jwks.close());

const sign = (payload: JWTPayload, key = k1) => jwks.sign(payload, {}, key);

const authorizer = (cacheSize?: number): Authorizer =>
  createAuthorizer({
    issuer,
    audience: AUDIENCE,
    log: () => {},
    refetchWaitSeconds: 0,
    verifiedTokenCacheSize: cacheSize,
  });

const bearer = (token: string) => `Bearer ${token}`;
const accessClaims = (nowSeconds: number, extra: JWTPayload = {}): JWTPayload => ({
  iss: issuer,
  client_id: 'client1',
  scope: SCOPE,
  token_use: 'access',
  iat: Math.floor(nowSeconds),
  exp: Math.floor(nowSeconds) + 300,
  ...extra,
});

/** Asserts that the token was accepted, showing the refusal otherwise. */
async function assertAccepted(authorization: Promise<Authorization>): Promise<void> {
  const result = await authorization;
  assert.ok(result.ok, `refused: ${JSON.stringify(result)}`);
}

test('an accepted token comes with its verified claims, a refused one with none', async () => {
  const check = authorizer();
  const now = Date.now() / 1000;
  const token = await sign(accessClaims(now, { sub: 'user-a', username: 'alice' }));
  const accepted = await check.authorize(bearer(token), [SCOPE]);
  assert.ok(accepted.ok);
  assert.equal(accepted.claims.sub, 'user-a');
  assert.ok(Object.isFrozen(accepted.claims));
  // The second time comes from the verified-token cache: the same claims.
  const again = await check.authorize(bearer(token), [SCOPE]);
  assert.ok(again.ok);
  assert.equal(again.claims.sub, 'user-a');
  const refused = await check.authorize(bearer(token), ['other-scope']);
  assert.equal('claims' in refused, false);
});

function mockClock(t: TestContext, ms: number) {
  t.mock.timers.enable({ apis: ['Date'], now: ms });
  return (at: number) => t.mock.timers.setTime(at);
}

test('a token cached while valid is refused once it expires, like an uncached one', async (t) => {
  const cached = authorizer();
  const t0 = Date.now();
  const token = await sign(accessClaims(t0 / 1000, { exp: Math.floor(t0 / 1000) + 60 }));
  await assertAccepted(cached.authorize(bearer(token), [SCOPE]));
  assert.equal(cached.cachedTokens, 1);
  const setTime = mockClock(t, t0);
  setTime(t0 + 61_000);
  assert.deepEqual(await cached.authorize(bearer(token), [SCOPE]), {
    ok: false,
    status: 401,
    description: 'the token has expired',
  });
  // An expired entry is dropped, never used again.
  assert.equal(cached.cachedTokens, 0);
});

test('the description names the failed check, whatever the token says about itself', async () => {
  const check = authorizer();
  const now = Date.now() / 1000;
  const expect = async (token: string, description: string) =>
    assert.deepEqual(await check.authorize(bearer(token), []), {
      ok: false,
      status: 401,
      description,
    });
  // An unknown kid that reads like another failure.
  await expect(
    await new SignJWT(accessClaims(now))
      .setProtectedHeader({ alg: 'RS256', kid: 'bad issuer, bad signature' })
      .sign(k1.privateKey),
    'the token is invalid',
  );
  await expect(await sign(accessClaims(now), await newTestKey('k1')), 'signature is invalid');
  await expect(
    await sign(accessClaims(now, { iss: `${issuer}x` })),
    'the token does not have a valid issuer',
  );
  await expect(
    await sign(accessClaims(now, { exp: Math.floor(now) - 10 })),
    'the token has expired',
  );
  await expect(
    await sign(accessClaims(now, { nbf: Math.floor(now) + 100 })),
    'the token is not valid yet',
  );
});

test('a token issued in the future is refused, and again on a cache hit once the clock is set back', async (t) => {
  const cached = authorizer();
  const t0 = Math.floor(Date.now() / 1000);
  const token = await sign(accessClaims(t0, { iat: t0 + 30 }));
  // Warm the JWKS cache before the clock is mocked.
  await cached.authorize(bearer(await sign(accessClaims(t0))), []);
  const setTime = mockClock(t, t0 * 1000);
  const future: Decision = {
    ok: false,
    status: 401,
    description: 'the token was issued in the future',
  };
  assert.deepEqual(await cached.authorize(bearer(token), [SCOPE]), future);
  setTime((t0 + 30) * 1000);
  await assertAccepted(cached.authorize(bearer(token), [SCOPE]));
  setTime((t0 + 10) * 1000);
  assert.equal(cached.cachedTokens, 2, 'the second decision comes from the cache');
  assert.deepEqual(await cached.authorize(bearer(token), [SCOPE]), future);
});

test("a token cached under one route's scopes is checked against another route's scopes", async () => {
  const cached = authorizer();
  const now = Date.now() / 1000;
  const token = await sign(accessClaims(now));
  await assertAccepted(cached.authorize(bearer(token), [SCOPE]));
  assert.deepEqual(await cached.authorize(bearer(token), ['tasks/admin']), {
    ok: false,
    status: 403,
    description: 'the token does not have a required scope',
  });
  await assertAccepted(cached.authorize(bearer(token), []));
  // And the other way round: first seen on a route it is refused on.
  const idToken = await sign({ ...accessClaims(now), scope: undefined, aud: 'client1' });
  assert.equal((await cached.authorize(bearer(idToken), [SCOPE])).ok, false);
  await assertAccepted(cached.authorize(bearer(idToken), []));
  assert.equal(cached.cachedTokens, 2);
});

test('the cache stays bounded: least recently used tokens are dropped first', async () => {
  const cached = authorizer(5);
  const now = Date.now() / 1000;
  const tokens = await Promise.all(
    Array.from({ length: 20 }, (_, i) => sign(accessClaims(now, { sub: `user-${i}` }))),
  );
  for (const token of tokens) {
    await assertAccepted(cached.authorize(bearer(token), [SCOPE]));
    assert.ok(cached.cachedTokens <= 5);
  }
  assert.equal(cached.cachedTokens, 5);
  // Evicted tokens are simply verified again.
  await assertAccepted(cached.authorize(bearer(tokens[0]!), [SCOPE]));
  assert.equal(cached.cachedTokens, 5);
  const off = authorizer(0);
  await assertAccepted(off.authorize(bearer(tokens[1]!), [SCOPE]));
  assert.equal(off.cachedTokens, 0);
});

test('rejected tokens are never cached, and a cached signature does not vouch for another token', async () => {
  const cached = authorizer();
  const now = Date.now() / 1000;
  const good = await sign(accessClaims(now));
  await assertAccepted(cached.authorize(bearer(good), [SCOPE]));
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const [h, , s] = good.split('.');
  const tampered = `${h}.${b64({ ...accessClaims(now), scope: `${SCOPE} admin` })}.${s}`;
  const foreign = await newTestKey('k1'); // same kid, another key
  const rejected = [
    tampered,
    await sign(accessClaims(now), foreign),
    await sign(accessClaims(now, { exp: Math.floor(now) - 5 })),
    await sign(accessClaims(now, { iss: `${issuer}x` })),
    await sign(accessClaims(now, { nbf: Math.floor(now) + 120 })),
  ];
  for (let round = 0; round < 2; round++) {
    for (const token of rejected) {
      const decision = await cached.authorize(bearer(token), [SCOPE]);
      assert.equal(decision.ok, false, token);
      assert.equal(decision.ok === false && decision.status, 401);
    }
  }
  assert.equal(cached.cachedTokens, 1, 'only the good token');
});

// Within the max age, a k2 token makes each authorizer refetch the JWKS, which no longer has the
// key that verified a remembered token: that token is then refused as an unremembered one is.
const rotations: [string, () => Promise<TestKey[]>, Description][] = [
  ['drops its key', async () => [k2], 'the token is invalid'],
  [
    'replaces the key under its kid',
    async () => [await newTestKey('k1'), k2],
    'signature is invalid',
  ],
];
for (const [what, served, description] of rotations) {
  test(`after a JWKS refetch ${what}, a cached token is refused like an uncached one`, async () => {
    jwks.serve([k1]);
    try {
      const cached = authorizer();
      const uncached = authorizer(0);
      const now = Date.now() / 1000;
      const old = await sign(accessClaims(now));
      await assertAccepted(cached.authorize(bearer(old), [SCOPE]));
      await assertAccepted(uncached.authorize(bearer(old), [SCOPE]));
      jwks.serve(await served());
      const fresh = await sign(accessClaims(now), k2);
      await assertAccepted(cached.authorize(bearer(fresh), [SCOPE]));
      await assertAccepted(uncached.authorize(bearer(fresh), [SCOPE]));
      const expected = await uncached.authorize(bearer(old), [SCOPE]);
      assert.deepEqual(expected, { ok: false, status: 401, description });
      assert.deepEqual(await cached.authorize(bearer(old), [SCOPE]), expected);
    } finally {
      jwks.serve([k1]);
    }
  });
}

test('cached and uncached authorizers decide alike at every clock reading, route and token', async (t) => {
  jwks.serve([k1]);
  const cached = authorizer();
  const uncached = authorizer(0);
  const t0 = Math.floor(Date.now() / 1000);
  const tokens: Record<string, string> = {
    valid: await sign(accessClaims(t0)),
    'fractional exp': await sign(accessClaims(t0, { exp: t0 + 50.5 })),
    'integer exp': await sign(accessClaims(t0, { exp: t0 + 60 })),
    'not before t0+30': await sign(accessClaims(t0, { nbf: t0 + 30 })),
    'fractional nbf': await sign(accessClaims(t0, { nbf: t0 + 30.5 })),
    'issued at t0+30': await sign(accessClaims(t0, { iat: t0 + 30 })),
    'id token': await sign({ ...accessClaims(t0), scope: undefined, aud: 'client1' }),
    'scp list': await sign({ ...accessClaims(t0), scope: undefined, scp: ['other', SCOPE] }),
    'wrong audience': await sign(accessClaims(t0, { client_id: 'other' })),
    'aud wins over client_id': await sign(accessClaims(t0, { aud: 'other' })),
  };
  // Warm both JWKS caches before the clock is mocked.
  await cached.authorize(bearer(tokens.valid!), []);
  await uncached.authorize(bearer(tokens.valid!), []);
  const setTime = mockClock(t, t0 * 1000);
  const routes: string[][] = [[], [SCOPE], ['other'], ['tasks/admin', SCOPE]];
  // Forwards through every boundary, then backwards (a clock may be set back).
  const clock = [0, 30.2, 30.7, 40, 50.4, 50.5, 50.6, 59.9, 60, 60.5, 100, 10, 30.4, 0, 1000];
  let compared = 0;
  let mostCached = 0;
  for (const offset of clock) {
    setTime(Math.round((t0 + offset) * 1000));
    for (const [name, token] of Object.entries(tokens)) {
      for (const scopes of routes) {
        const expected = await uncached.authorize(bearer(token), scopes);
        const actual = await cached.authorize(bearer(token), scopes);
        assert.deepEqual(actual, expected, `${name} at t0+${offset} on [${scopes.join(' ')}]`);
        compared++;
      }
    }
    mostCached = Math.max(mostCached, cached.cachedTokens);
  }
  assert.equal(compared, clock.length * Object.keys(tokens).length * routes.length);
  // Hits were exercised (every signature-valid token got cached), and at t0+1000 every token
  // has expired and been dropped.
  assert.equal(mostCached, Object.keys(tokens).length);
  assert.equal(cached.cachedTokens, 0);
});
