import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaims, checkHeader, extractToken, wwwAuthenticate } from './claims.ts';

const rules = { issuer: 'http://127.0.0.1:9229/local_x', audience: ['client1'], scopes: [] };
const now = 1_000_000;
const good = { iss: rules.issuer, exp: now + 60, client_id: 'client1' };
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

test('extractToken accepts the token with or without Bearer', () => {
  assert.equal(extractToken('Bearer abc'), 'abc');
  assert.equal(extractToken('bearer   abc'), 'abc');
  assert.equal(extractToken('abc'), 'abc');
  assert.equal(extractToken(''), undefined);
  assert.equal(extractToken('Bearer '), undefined);
  assert.equal(extractToken(undefined), undefined);
});

test('checkHeader allows RSA algorithms only', () => {
  for (const alg of ['RS256', 'RS384', 'RS512']) {
    assert.equal(checkHeader(`${b64({ alg })}.${b64({})}.sig`).ok, true, alg);
  }
  for (const alg of ['none', 'HS256', 'ES256', 'PS256', undefined, 5]) {
    assert.equal(checkHeader(`${b64({ alg })}.${b64({})}.sig`).ok, false, String(alg));
  }
  assert.equal(checkHeader(`${b64({ alg: 'none' })}.${b64({})}.`).ok, false);
  assert.equal(checkHeader('garbage').ok, false);
  assert.equal(checkHeader('a.b.c').ok, false);
  assert.equal(checkHeader(`${b64([1])}.x.y`).ok, false);
});

test('checkHeader refuses any crit header parameter (RFC 7515 §4.1.11): none is understood', () => {
  const invalid = { ok: false, status: 401, description: 'invalid token header' };
  for (const crit of [['x-ext'], ['exp'], [], 'x-ext', null, [5]]) {
    const header = { alg: 'RS256', kid: 'k', crit, 'x-ext': true, exp: 1 };
    assert.deepEqual(checkHeader(`${b64(header)}.${b64({})}.sig`), invalid, JSON.stringify(crit));
  }
  assert.deepEqual(checkHeader(`${b64({ alg: 'RS256', kid: 'k' })}.${b64({})}.sig`), { ok: true });
});

test('checkHeader never quotes the token: one fixed description for any bad alg', () => {
  for (const alg of ['x\r\nx-injected: 1', '€', 'a"b', 'HS256', null, { a: 1 }]) {
    assert.deepEqual(checkHeader(`${b64({ alg })}.${b64({})}.sig`), {
      ok: false,
      status: 401,
      description: 'signing method is invalid',
    });
  }
});

test('checkClaims: issuer exact, exp required and future, nbf not future', () => {
  assert.deepEqual(checkClaims(good, rules, now), { ok: true });
  assert.equal(checkClaims({ ...good, iss: rules.issuer + '/' }, rules, now).ok, false);
  assert.equal(checkClaims({ ...good, iss: undefined }, rules, now).ok, false);
  assert.equal(checkClaims({ ...good, exp: undefined }, rules, now).ok, false);
  assert.equal(checkClaims({ ...good, exp: now }, rules, now).ok, false);
  assert.equal(checkClaims({ ...good, exp: '9999999999' }, rules, now).ok, false);
  assert.equal(checkClaims({ ...good, nbf: now + 1 }, rules, now).ok, false);
  assert.equal(checkClaims({ ...good, nbf: now }, rules, now).ok, true);
});

test('checkClaims: iat, when present, must not be after the current time', () => {
  assert.deepEqual(checkClaims({ ...good, iat: now + 1 }, rules, now), {
    ok: false,
    status: 401,
    description: 'the token was issued in the future',
  });
  assert.equal(checkClaims({ ...good, iat: now + 3600 }, rules, now).ok, false);
  assert.equal(checkClaims({ ...good, iat: now + 0.5 }, rules, now).ok, false);
  assert.equal(checkClaims({ ...good, iat: String(now - 10) }, rules, now).ok, false);
  assert.equal(checkClaims({ ...good, iat: Number.NaN }, rules, now).ok, false);
  assert.equal(checkClaims({ ...good, iat: now }, rules, now).ok, true);
  assert.equal(checkClaims({ ...good, iat: now - 100 }, rules, now).ok, true);
  assert.equal(checkClaims({ ...good, iat: undefined }, rules, now).ok, true);
});

test('checkClaims: aud wins over client_id; client_id only when aud is absent', () => {
  assert.equal(checkClaims({ ...good, aud: 'client1' }, rules, now).ok, true);
  assert.equal(checkClaims({ ...good, aud: ['x', 'client1'] }, rules, now).ok, true);
  assert.equal(checkClaims({ ...good, aud: 'other' }, rules, now).ok, false);
  assert.equal(checkClaims({ ...good, client_id: 'other' }, rules, now).ok, false);
  assert.equal(checkClaims({ iss: rules.issuer, exp: now + 60 }, rules, now).ok, false);
});

test('checkClaims: one of the route scopes is required, else 403', () => {
  const scoped = { ...rules, scopes: ['aws.cognito.signin.user.admin', 'b'] };
  assert.equal(checkClaims({ ...good, scope: 'openid b' }, scoped, now).ok, true);
  assert.equal(checkClaims({ ...good, scp: ['b'] }, scoped, now).ok, true);
  const denied = checkClaims({ ...good, scope: 'openid' }, scoped, now);
  assert.deepEqual(denied.ok ? undefined : denied.status, 403);
  assert.equal(checkClaims({ ...good, aud: 'client1' }, scoped, now).ok, false);
});

test('wwwAuthenticate has the API Gateway shape', () => {
  assert.equal(
    wwwAuthenticate({ status: 401, description: 'the token has expired' }, []),
    'Bearer scope="" error="invalid_token" error_description="the token has expired"',
  );
  assert.match(
    wwwAuthenticate({ status: 403, description: 'the token does not have a required scope' }, [
      'a',
    ]),
    /insufficient_scope/,
  );
});

test('wwwAuthenticate quotes configured scopes so the header stays one well-formed value', () => {
  assert.equal(
    wwwAuthenticate({ status: 403, description: 'the token does not have a required scope' }, [
      'a"b',
      'c\\d',
      'é\r\n',
    ]),
    'Bearer scope="a\\"b c\\\\d ???" error="insufficient_scope" error_description="the token does not have a required scope"',
  );
});
