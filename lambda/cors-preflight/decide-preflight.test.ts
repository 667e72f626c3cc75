import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCorsConfig } from './config.ts';
import { decidePreflight, preflightRefusal } from './decide-preflight.ts';
import { APP_ORIGIN_LOOK_ALIKES } from './origin-fixtures.ts';

const config = parseCorsConfig({
  ALLOWED_ORIGINS: 'https://app.example.com,http://localhost:4200',
  MAX_AGE: '600',
});
const allowed = {
  origin: 'https://app.example.com',
  requestMethod: 'PUT',
  requestHeaders: 'authorization,content-type',
};

test('an allowed origin gets exactly its own origin back, the configured lists and Vary', () => {
  assert.deepEqual(decidePreflight(config, allowed), {
    statusCode: 204,
    headers: {
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-methods': 'GET,HEAD,POST,PUT,PATCH,DELETE',
      'access-control-allow-headers': 'Authorization,Content-Type,If-Match',
      'access-control-max-age': '600',
      vary: 'Origin',
    },
  });
});

test('requested header names compare case-insensitively and may be absent', () => {
  assert.equal(
    preflightRefusal(config, { ...allowed, requestHeaders: 'Authorization, CONTENT-TYPE' }),
    undefined,
  );
  assert.equal(preflightRefusal(config, { ...allowed, requestHeaders: undefined }), undefined);
  assert.equal(preflightRefusal(config, { ...allowed, requestHeaders: '' }), undefined);
});

test('refusals carry no Access-Control-Allow-* header, only Vary: Origin', () => {
  const refused = [
    [{ ...allowed, origin: undefined }, 'origin'],
    [{ ...allowed, origin: 'null' }, 'origin'],
    [{ ...allowed, origin: 'https://evil.example' }, 'origin'],
    [{ ...allowed, origin: 'https://app.example.com.evil.example' }, 'origin'],
    [{ ...allowed, origin: 'https://APP.example.com' }, 'origin'],
    [{ ...allowed, origin: 'https://app.example.com/' }, 'origin'],
    [{ ...allowed, origin: 'http://app.example.com' }, 'origin'],
    [{ ...allowed, origin: 'http://localhost:4201' }, 'origin'],
    [{ ...allowed, requestMethod: undefined }, 'method'],
    [{ ...allowed, requestMethod: 'put' }, 'method'],
    [{ ...allowed, requestMethod: 'TRACE' }, 'method'],
    [{ ...allowed, requestHeaders: 'authorization,x-api-key' }, 'headers'],
    [{ ...allowed, requestHeaders: 'cookie' }, 'headers'],
  ] as const;
  for (const [request, reason] of refused) {
    assert.equal(preflightRefusal(config, request), reason, JSON.stringify(request));
    assert.deepEqual(decidePreflight(config, request), {
      statusCode: 403,
      headers: { vary: 'Origin' },
    });
  }
});

test('property: Access-Control-Allow-Origin is only ever a configured origin, never reflected otherwise', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.webUrl().map((url) => new URL(url).origin),
        fc.string(),
        fc.constantFrom(...config.allowedOrigins),
      ),
      fc.constantFrom('GET', 'PUT', 'DELETE', 'TRACE', 'put'),
      fc
        .array(fc.constantFrom('authorization', 'Content-Type', 'x-custom', 'cookie'))
        .map((names) => names.join(',')),
      (origin, requestMethod, requestHeaders) => {
        const response = decidePreflight(config, { origin, requestMethod, requestHeaders });
        const granted = response.headers['access-control-allow-origin'];
        if (config.allowedOrigins.has(origin)) {
          assert.ok(granted === undefined || granted === origin);
        } else {
          assert.equal(response.statusCode, 403);
          assert.ok(
            Object.keys(response.headers).every((name) => !name.startsWith('access-control-')),
          );
        }
        assert.equal(response.headers['vary'], 'Origin');
        const grantedHeaders = response.headers['access-control-allow-headers'];
        assert.ok(
          grantedHeaders === undefined || grantedHeaders === 'Authorization,Content-Type,If-Match',
        );
      },
    ),
  );
});

// Origins an attacker can obtain, each a near miss of an allowed one. None may be granted.
const HOSTILE_ORIGINS = [
  'https://app.example.com.evil.example', // allowed origin as a prefix of the host
  'https://evilapp.example.com', // look-alike prefix
  'https://app.example.com.', // trailing dot
  'https://app.example.co', // truncated
  'https://app.example.comm', // suffix
  'https://sub.app.example.com', // subdomain of an allowed host
  'https://app-example.com',
  'https://app.example.com:443', // explicit default port, never sent by browsers
  'https://app.example.com:8443', // port swap
  'http://app.example.com', // scheme downgrade
  'wss://app.example.com',
  'https://localhost:4200', // scheme swap of the http allowance
  'http://localhost', // port dropped
  'http://localhost:42000',
  'http://127.0.0.1:4200', // same machine, different origin
  'http://[::1]:4200',
  'http://localhost:4200.evil.example',
  'https://app.example.com,https://evil.example', // comma list (repeated Origin joined)
  'https://evil.example,https://app.example.com',
  'https://app.example.com https://evil.example',
  'https://app.example.com/', // trailing slash
  'https://app.example.com/path',
  'https://app.example.com?',
  'https://app.example.com#',
  'https://user@app.example.com',
  ' https://app.example.com',
  'https://app.example.com ',
  'https://app.example.com\t',
  'HTTPS://APP.EXAMPLE.COM',
  'https://App.Example.com',
  'https://xn--app-example.com',
  'https://app.example.com%00',
  'null',
  'Null',
  '*',
  '',
  'file://',
  'https://*.example.com',
  'https://app.example.com\u0000',
];

test('hostile origins: every near miss of an allowed origin is refused with a bare 403', () => {
  for (const origin of HOSTILE_ORIGINS) {
    const response = decidePreflight(config, { ...allowed, origin });
    assert.deepEqual(response, { statusCode: 403, headers: { vary: 'Origin' } }, origin);
  }
});

test('allowed origins with every allowed method are granted with exactly their origin', () => {
  for (const origin of ['https://app.example.com', 'http://localhost:4200']) {
    for (const requestMethod of config.allowedMethods) {
      const response = decidePreflight(config, { origin, requestMethod, requestHeaders: '' });
      assert.equal(response.statusCode, 204);
      assert.equal(response.headers['access-control-allow-origin'], origin);
      assert.equal(response.headers['vary'], 'Origin');
    }
  }
});

test('property: a granted preflight lists Authorization and never a requested-only header', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-z][a-z-]{0,12}$/), { maxLength: 4 }), (names) => {
      const response = decidePreflight(config, { ...allowed, requestHeaders: names.join(', ') });
      const unknown = names.some(
        (name) => !['authorization', 'content-type', 'if-match'].includes(name),
      );
      assert.equal(response.statusCode, unknown ? 403 : 204);
      if (response.statusCode === 204) {
        assert.match(response.headers['access-control-allow-headers'] ?? '', /\bAuthorization\b/);
      }
    }),
  );
});

// The origins a Capacitor app calls from: iOS, older Ionic WebViews, Android.
const app = parseCorsConfig({
  ALLOWED_ORIGINS: 'capacitor://localhost,ionic://localhost,https://localhost',
});

test('app WebView origins are granted exactly, as strings', () => {
  for (const origin of ['capacitor://localhost', 'ionic://localhost', 'https://localhost']) {
    const response = decidePreflight(app, { ...allowed, origin });
    assert.equal(response.statusCode, 204, origin);
    assert.equal(response.headers['access-control-allow-origin'], origin);
  }
  // Not configured, not granted: a custom scheme is no wildcard.
  assert.equal(preflightRefusal(config, { ...allowed, origin: 'capacitor://localhost' }), 'origin');
});

test('look-alikes of the app WebView origins are refused with a bare 403', () => {
  for (const origin of APP_ORIGIN_LOOK_ALIKES) {
    assert.deepEqual(
      decidePreflight(app, { ...allowed, origin }),
      { statusCode: 403, headers: { vary: 'Origin' } },
      JSON.stringify(origin),
    );
  }
});

test('property: an edited capacitor://localhost is never granted', () => {
  const target = 'capacitor://localhost';
  fc.assert(
    fc.property(
      fc.nat(target.length),
      fc.nat(target.length),
      fc.string({ maxLength: 12 }),
      (from, to, insert) => {
        const [a, b] = from <= to ? [from, to] : [to, from];
        const origin = target.slice(0, a) + insert + target.slice(b);
        const response = decidePreflight(app, { ...allowed, origin });
        const granted = response.headers['access-control-allow-origin'];
        assert.equal(granted === undefined ? undefined : origin, granted);
        assert.equal(response.statusCode === 204, app.allowedOrigins.has(origin), origin);
      },
    ),
    { numRuns: 2000 },
  );
});
