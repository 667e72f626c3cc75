import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { APP_WEBVIEW_ORIGINS, CorsConfigError, isExactOrigin, parseCorsConfig } from './config.ts';
import { APP_ORIGIN_LOOK_ALIKES } from './origin-fixtures.ts';

test('exact origins are accepted as browsers serialise them', () => {
  for (const origin of [
    'https://app.example.com',
    'http://localhost:4200',
    'http://127.0.0.1:4200',
    'https://xn--bcher-kva.example',
    'https://app.example.com:8443',
    'capacitor://localhost',
    'ionic://localhost',
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

test('capacitor://localhost and ionic://localhost are the only custom-scheme origins', () => {
  assert.deepEqual([...APP_WEBVIEW_ORIGINS], ['capacitor://localhost', 'ionic://localhost']);
  for (const origin of APP_ORIGIN_LOOK_ALIKES) {
    assert.equal(isExactOrigin(origin), false, JSON.stringify(origin));
  }
  const config = parseCorsConfig({
    ALLOWED_ORIGINS: 'capacitor://localhost, ionic://localhost,https://localhost',
  });
  assert.deepEqual(
    [...config.allowedOrigins],
    ['capacitor://localhost', 'ionic://localhost', 'https://localhost'],
  );
});

test('property: a non-http(s) origin is accepted only when it is one of the two exactly', () => {
  const scheme = fc.constantFrom('capacitor', 'ionic', 'CAPACITOR', 'Ionic', 'cordova', 'app', 'x');
  const host = fc.oneof(
    fc.constantFrom('localhost', 'LOCALHOST', 'localhost.', 'evil', '127.0.0.1', ''),
    fc.domain(),
    fc.domain().map((domain) => `localhost.${domain}`),
  );
  const tail = fc.oneof(
    fc.constant(''),
    fc.integer({ min: 0, max: 70000 }).map((port) => `:${port}`),
    fc.constantFrom('/', '/index.html', '?', '#', ' ', '\t', '.'),
  );
  fc.assert(
    fc.property(scheme, host, tail, (s, h, t) => {
      const origin = `${s}://${h}${t}`;
      assert.equal(isExactOrigin(origin), APP_WEBVIEW_ORIGINS.has(origin), JSON.stringify(origin));
    }),
    { numRuns: 1000 },
  );
});

test('defaults: the Timer API methods, Authorization, Content-Type and If-Match, 7200 s', () => {
  const config = parseCorsConfig({ ALLOWED_ORIGINS: 'https://a.example, http://localhost:4200' });
  assert.deepEqual([...config.allowedOrigins], ['https://a.example', 'http://localhost:4200']);
  assert.deepEqual(config.allowedMethods, ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
  assert.deepEqual(config.allowedHeaders, ['Authorization', 'Content-Type', 'If-Match']);
  assert.deepEqual([...config.allowedHeaderKeys], ['authorization', 'content-type', 'if-match']);
  assert.equal(config.maxAgeSeconds, 7200);
});

test('every invalid configuration fails with a CorsConfigError naming the variable', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{}, /ALLOWED_ORIGINS is required/],
    [{ ALLOWED_ORIGINS: ' , ' }, /ALLOWED_ORIGINS is required/],
    [{ ALLOWED_ORIGINS: '*' }, /ALLOWED_ORIGINS contains "\*"/],
    [{ ALLOWED_ORIGINS: 'https://a.example/' }, /ALLOWED_ORIGINS contains/],
    [{ ALLOWED_ORIGINS: 'https://a.example,null' }, /ALLOWED_ORIGINS contains "null"/],
    [{ ALLOWED_ORIGINS: 'capacitor://localhost/' }, /ALLOWED_ORIGINS contains/],
    [{ ALLOWED_ORIGINS: 'capacitor://*' }, /ALLOWED_ORIGINS contains "capacitor:\/\/\*"/],
    [{ ALLOWED_ORIGINS: 'cordova://localhost' }, /ALLOWED_ORIGINS contains "cordova/],
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
