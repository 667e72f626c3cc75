import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCorsConfig } from './config.ts';
import { decidePreflight, preflightRefusal } from './decide-preflight.ts';

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
      'access-control-allow-headers': 'Authorization,Content-Type',
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
        assert.ok(grantedHeaders === undefined || grantedHeaders === 'Authorization,Content-Type');
      },
    ),
  );
});
