import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTemplate } from '../../cfn-lib/cfn-yaml.ts';
import { APP_ORIGIN_LOOK_ALIKES } from '../../lambda/cors-preflight/origin-fixtures.ts';
import {
  ALLOWED_ORIGIN_PATTERN,
  ALLOWED_ORIGIN_RULE,
  isAllowedOrigin,
  readAllowedOriginRule,
} from './origin-check.ts';
import { TEMPLATE_FILE } from '../../tools/paths.ts';

test("the gateway's origin rule is the template's AllowedOrigins rule", () => {
  const spec = loadTemplate(TEMPLATE_FILE).Parameters?.['AllowedOrigins'];
  assert.equal(spec?.['AllowedPattern'], ALLOWED_ORIGIN_PATTERN);
  assert.equal(String(spec?.['ConstraintDescription']).replace(/\s+/g, ' '), ALLOWED_ORIGIN_RULE);
});

test('a template whose AllowedOrigins has no pattern is refused by name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-origins-'));
  try {
    const file = join(dir, 'api.yaml');
    writeFileSync(
      file,
      'Parameters:\n  AllowedOrigins:\n    Type: CommaDelimitedList\nResources:\n  X:\n    Type: AWS::SNS::Topic\n',
    );
    assert.throws(
      () => readAllowedOriginRule(file),
      (e: unknown) =>
        e instanceof Error &&
        e.name === 'TemplateResolveError' &&
        e.message.includes('AllowedOrigins needs an AllowedPattern'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('https origins anywhere, plain http only on loopback, the two app WebViews, always exact', () => {
  for (const origin of [
    'https://app.example.com',
    'https://app.example.com:8443',
    'http://localhost',
    'http://localhost:4200',
    'http://127.0.0.1:8100',
    'https://localhost',
    'capacitor://localhost',
    'ionic://localhost',
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
    ...APP_ORIGIN_LOOK_ALIKES,
  ]) {
    assert.equal(isAllowedOrigin(origin), false, JSON.stringify(origin));
  }
});
