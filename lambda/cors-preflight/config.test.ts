import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorsConfigError, isExactOrigin, parseCorsConfig } from './config.ts';

test('exact origins are accepted as browsers serialise them', () => {
  for (const origin of [
    'https://app.example.com',
    'http://localhost:4200',
    'http://127.0.0.1:4200',
    'https://xn--bcher-kva.example',
    'https://app.example.com:8443',
  ]) {
    assert.equal(isExactOrigin(origin), true, origin);
  }
});

test('anything a browser would never send as Origin is rejected', () => {
  for (const origin of [
    '*',
    'null',
    '',
    'app.example.com',
    'https://app.example.com/',
    'https://app.example.com/path',
    'https://APP.example.com',
    'https://app.example.com:443',
    'http://localhost:80',
    'https://*.example.com',
    'ftp://example.com',
    'https://user@example.com',
    'https://app.example.com?x=1',
    ' https://app.example.com',
  ]) {
    assert.equal(isExactOrigin(origin), false, JSON.stringify(origin));
  }
});

test('defaults: the Timer API methods, Authorization and Content-Type, 7200 s', () => {
  const config = parseCorsConfig({ ALLOWED_ORIGINS: 'https://a.example, http://localhost:4200' });
  assert.deepEqual([...config.allowedOrigins], ['https://a.example', 'http://localhost:4200']);
  assert.deepEqual(config.allowedMethods, ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
  assert.deepEqual(config.allowedHeaders, ['Authorization', 'Content-Type']);
  assert.deepEqual([...config.allowedHeaderKeys], ['authorization', 'content-type']);
  assert.equal(config.maxAgeSeconds, 7200);
});

test('every invalid configuration fails with a CorsConfigError naming the variable', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{}, /ALLOWED_ORIGINS is required/],
    [{ ALLOWED_ORIGINS: ' , ' }, /ALLOWED_ORIGINS is required/],
    [{ ALLOWED_ORIGINS: '*' }, /ALLOWED_ORIGINS contains "\*"/],
    [{ ALLOWED_ORIGINS: 'https://a.example/' }, /ALLOWED_ORIGINS contains/],
    [{ ALLOWED_ORIGINS: 'https://a.example,null' }, /ALLOWED_ORIGINS contains "null"/],
    [{ ALLOWED_ORIGINS: 'https://a.example', ALLOWED_METHODS: 'get' }, /ALLOWED_METHODS/],
    [{ ALLOWED_ORIGINS: 'https://a.example', ALLOWED_METHODS: '' }, /ALLOWED_METHODS/],
    [{ ALLOWED_ORIGINS: 'https://a.example', ALLOWED_HEADERS: '*' }, /ALLOWED_HEADERS/],
    [{ ALLOWED_ORIGINS: 'https://a.example', ALLOWED_HEADERS: 'bad header' }, /ALLOWED_HEADERS/],
    [{ ALLOWED_ORIGINS: 'https://a.example', ALLOWED_HEADERS: 'Content-Type' }, /Authorization/],
    [{ ALLOWED_ORIGINS: 'https://a.example', MAX_AGE: '7201' }, /MAX_AGE/],
    [{ ALLOWED_ORIGINS: 'https://a.example', MAX_AGE: '-1' }, /MAX_AGE/],
    [{ ALLOWED_ORIGINS: 'https://a.example', MAX_AGE: '1e3' }, /MAX_AGE/],
  ];
  for (const [env, message] of cases) {
    assert.throws(
      () => parseCorsConfig(env),
      (error: unknown) =>
        error instanceof CorsConfigError &&
        error.name === 'CorsConfigError' &&
        message.test(error.message),
      JSON.stringify(env),
    );
  }
});
