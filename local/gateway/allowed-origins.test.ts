import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTemplate } from '../../cloudformation/cfn-yaml.ts';
import { ALLOWED_ORIGIN_PATTERN, ALLOWED_ORIGIN_RULE, isAllowedOrigin } from './allowed-origins.ts';
import { DEFAULT_TEMPLATE } from './paths.ts';

test("the gateway's origin rule is the template's AllowedOrigins rule", () => {
  const spec = loadTemplate(DEFAULT_TEMPLATE).Parameters?.['AllowedOrigins'];
  assert.equal(spec?.['AllowedPattern'], ALLOWED_ORIGIN_PATTERN);
  assert.equal(String(spec?.['ConstraintDescription']).replace(/\s+/g, ' '), ALLOWED_ORIGIN_RULE);
});

test('https origins anywhere, plain http only on loopback, always exact', () => {
  for (const origin of [
    'https://app.example.com',
    'https://app.example.com:8443',
    'http://localhost',
    'http://localhost:4200',
    'http://127.0.0.1:8100',
  ]) {
    assert.equal(isAllowedOrigin(origin), true, origin);
  }
  for (const origin of [
    'http://evil.example',
    'http://evil.example:4200',
    'http://localhost.evil.example',
    'http://[::1]:4200',
    'https://app.example.com/',
    'https://APP.example.com',
    'https://app.example.com:443',
    'http://localhost:80',
    '*',
    'null',
  ]) {
    assert.equal(isAllowedOrigin(origin), false, origin);
  }
});
