// The AllowedOrigins AllowedPattern must accept only origins the CORS Lambda also accepts, or a
// stack would deploy whose preflight handler then fails at load.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { APP_WEBVIEW_ORIGINS, isExactOrigin } from '../lambda/cors-preflight/config.ts';
import { APP_ORIGIN_LOOK_ALIKES } from '../lambda/cors-preflight/origin-fixtures.ts';
import { parameterPattern } from './template-fixture.ts';

const pattern = parameterPattern('AllowedOrigins');

/** `scheme://host[tail]` around the two app WebView origins: mostly near misses, sometimes exact. */
const customSchemeOrigin = fc
  .tuple(
    fc.constantFrom('capacitor', 'ionic', 'CAPACITOR', 'Ionic', 'cordova', 'app', 'file'),
    fc.oneof(
      fc.constantFrom('localhost', 'LOCALHOST', 'localhost.', 'evil', '127.0.0.1', ''),
      fc.domain(),
      fc.domain().map((domain) => `localhost.${domain}`),
    ),
    fc.oneof(
      fc.constant(''),
      fc.integer({ min: 0, max: 70000 }).map((port) => `:${port}`),
      fc.constantFrom('/', '/index.html', '?', '#', ' ', '\n', '.', ',https://a.example'),
    ),
  )
  .map(([scheme, host, tail]) => `${scheme}://${host}${tail}`);

const ACCEPTED = [
  'https://app.example.com',
  'https://example.com',
  'https://a.b.c.example.co.uk',
  'https://app.example.com:8443',
  'https://app.example.com:1',
  'https://app.example.com:65535',
  'https://xn--bcher-kva.example',
  'https://localhost',
  'https://main.d1abc2def3.amplifyapp.com',
  'http://localhost',
  'http://localhost:4200',
  'http://127.0.0.1',
  'http://127.0.0.1:4200',
  'capacitor://localhost', // Capacitor on iOS
  'ionic://localhost', // older Ionic/Cordova WebViews on iOS
];

const REJECTED = [
  '',
  '*',
  'null',
  'https://*.example.com',
  'https://app.example.com/',
  'https://app.example.com/path',
  'https://app.example.com.', // trailing dot
  'https://APP.example.com',
  'https://app.example.com:443', // default port, never sent by browsers
  'https://app.example.com:0',
  'https://app.example.com:65536',
  'https://app.example.com:08443',
  'http://app.example.com', // http only for loopback
  'http://localhost:80',
  'http://localhost.evil.example',
  'http://127.0.0.1.evil.example',
  'http://[::1]:4200',
  'https://10.0.0.1', // IP hosts over https: numeric last label
  'https://1.2.3',
  'https://example.123',
  'https://-app.example.com',
  'https://app-.example.com',
  'https://app..example.com',
  'https://app.example.com,https://evil.example',
  ' https://app.example.com',
  'https://app.example.com ',
  'https://user@app.example.com',
  'https://app.example.com?x',
  'ftp://app.example.com',
  'app.example.com',
  `https://${'a'.repeat(64)}.example.com`,
  ...APP_ORIGIN_LOOK_ALIKES,
];

test('AllowedPattern accepts exact https origins, http loopback origins and the app WebView origins', () => {
  for (const origin of ACCEPTED) {
    assert.ok(pattern.test(origin), origin);
    assert.ok(isExactOrigin(origin), `the Lambda accepts ${origin} too`);
  }
});

test('AllowedPattern rejects wildcards, paths, default ports, look-alikes, other schemes and lists', () => {
  for (const origin of REJECTED) assert.ok(!pattern.test(origin), JSON.stringify(origin));
});

test('property: whatever the pattern accepts, the Lambda configuration accepts', () => {
  const candidates = fc.oneof(
    fc.webUrl({ withFragments: true, withQueryParameters: true }),
    fc.webUrl().map((url) => new URL(url).origin),
    fc
      .tuple(
        fc.constantFrom('https://', 'http://'),
        fc.domain(),
        fc.option(fc.integer({ min: 0, max: 70000 }), { nil: undefined }),
      )
      .map(([scheme, host, port]) => `${scheme}${host}${port === undefined ? '' : `:${port}`}`),
    fc
      .tuple(fc.constantFrom('localhost', '127.0.0.1', 'LOCALHOST', '[::1]'), fc.nat(70000))
      .map(([host, port]) => `http://${host}:${port}`),
    fc.string(),
    customSchemeOrigin,
  );
  fc.assert(
    fc.property(candidates, (origin) => {
      if (pattern.test(origin)) assert.ok(isExactOrigin(origin), origin);
    }),
    { numRuns: 2000 },
  );
});

test('property: of custom-scheme origins, the pattern and the Lambda accept exactly the two', () => {
  fc.assert(
    fc.property(customSchemeOrigin, (origin) => {
      const expected = APP_WEBVIEW_ORIGINS.has(origin);
      assert.equal(pattern.test(origin), expected, JSON.stringify(origin));
      assert.equal(isExactOrigin(origin), expected, JSON.stringify(origin));
    }),
    { numRuns: 2000 },
  );
});

test('property: every lower-case DNS name with a letter TLD is accepted over https', () => {
  fc.assert(
    fc.property(
      fc.domain(),
      fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
      (host, port) => {
        fc.pre(/\.[a-z][a-z0-9-]*$/.test(host) && !host.split('.').some((l) => l.length > 63));
        fc.pre(port !== 443);
        const origin = `https://${host}${port === undefined ? '' : `:${port}`}`;
        assert.ok(pattern.test(origin), origin);
      },
    ),
  );
});
