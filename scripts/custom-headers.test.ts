import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cognitoOrigin,
  fillCustomHeaders,
  headersFor,
  parseCustomHeaders,
  readCustomHeadersTemplate,
} from './custom-headers.ts';

const AWS = {
  apiOrigin: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
  cognitoOrigin: cognitoOrigin('eu-west-1'),
};

test('the shipped template, filled, gives every path the security headers', () => {
  const rules = parseCustomHeaders(fillCustomHeaders(readCustomHeadersTemplate(), AWS));
  for (const path of ['/', '/index.html', '/timers/abc/edit', '/main-ABC.js']) {
    const headers = headersFor(rules, path);
    const csp = headers['content-security-policy']!;
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...sources] = d.trim().split(/\s+/);
        return [name!, sources];
      }),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('connect-src'), [
      "'self'",
      AWS.apiOrigin,
      'https://cognito-idp.eu-west-1.amazonaws.com',
    ]);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
    assert.ok(!csp.includes('*'), 'no wildcard source');
    assert.ok(!csp.includes("'unsafe-eval'"));
    assert.ok(!directives.get('script-src')!.includes("'unsafe-inline'"));
    assert.match(headers['strict-transport-security']!, /^max-age=\d{8,}; includeSubDomains$/);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['referrer-policy'], 'no-referrer');
  }
});

test('origins that could add a source or a directive are refused', () => {
  const template = readCustomHeadersTemplate();
  for (const apiOrigin of [
    'https://api.example.com; script-src *',
    'https://api.example.com/v1',
    'https://a.example.com https://b.example.com',
    '*',
    'javascript:alert(1)',
    '',
  ]) {
    assert.throws(
      () => fillCustomHeaders(template, { ...AWS, apiOrigin }),
      /CustomHeadersError|must be an/,
      apiOrigin,
    );
  }
  assert.throws(() => cognitoOrigin('eu-west-1.evil.com'), /bad region/);
  assert.throws(
    () => fillCustomHeaders('customHeaders: [{pattern: "**", headers: []}] # {{OTHER}}', AWS),
    /unknown placeholder \{\{OTHER\}\}/,
  );
});

test('patterns: ** is any path, * stays within a segment, later rules win', () => {
  const rules = parseCustomHeaders(`
customHeaders:
  - pattern: '**'
    headers: [{ key: X-A, value: all }, { key: Cache-Control, value: no-cache }]
  - pattern: '*.js'
    headers: [{ key: Cache-Control, value: immutable }]
  - pattern: '/assets/*'
    headers: [{ key: X-B, value: assets }]
`);
  assert.deepEqual(headersFor(rules, '/main.js'), { 'x-a': 'all', 'cache-control': 'immutable' });
  assert.deepEqual(headersFor(rules, '/lazy/chunk.js'), {
    'x-a': 'all',
    'cache-control': 'no-cache',
  });
  assert.deepEqual(headersFor(rules, '/assets/logo.svg'), {
    'x-a': 'all',
    'cache-control': 'no-cache',
    'x-b': 'assets',
  });
  assert.throws(() => parseCustomHeaders('customHeaders: []'), /non-empty list/);
  assert.throws(() => parseCustomHeaders('customHeaders: [{pattern: "**"}]'), /pattern and a list/);
});
