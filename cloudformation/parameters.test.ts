// Parameter files must satisfy the template's own constraints, so a deploy never fails on them.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleFailures } from './rules-eval.ts';
import { PARAMETERS_DIR } from '../tools/paths.ts';
import { loadParameters, parameterPattern, template } from './template-fixture.ts';

const files = readdirSync(PARAMETERS_DIR).filter((file) => file.endsWith('.json'));

function values(file: string): Map<string, string> {
  return new Map(
    loadParameters(join(PARAMETERS_DIR, file)).map((p) => [p.ParameterKey, p.ParameterValue]),
  );
}

test('there are dev, local and local Lambda-mode parameter files', () => {
  assert.deepEqual(files.sort(), ['dev.json', 'local-lambda.json', 'local.json']);
});

for (const file of files) {
  test(`${file}: every key is a template parameter, every value meets its constraints`, () => {
    const given = values(file);
    const declared = template.Parameters!;
    for (const [key, value] of given) {
      const spec = declared[key];
      assert.ok(spec, `${key} is a parameter of api.yaml`);
      const items = spec['Type'] === 'CommaDelimitedList' ? value.split(',') : [value];
      if (typeof spec['AllowedPattern'] === 'string') {
        const pattern = new RegExp(spec['AllowedPattern']);
        for (const item of items) assert.ok(pattern.test(item), `${key}=${item}`);
      }
      if (Array.isArray(spec['AllowedValues'])) {
        assert.ok(spec['AllowedValues'].map(String).includes(value), `${key}=${value}`);
      }
    }
    for (const [key, spec] of Object.entries(declared)) {
      if (spec['Default'] === undefined) assert.ok(given.has(key), `${file} sets ${key}`);
    }
    assert.deepEqual(ruleFailures(template, Object.fromEntries(given)), []);
  });
}

test('local.json: the origins of the local demo app and the local Timer server', () => {
  const local = values('local.json');
  assert.equal(local.get('AllowedOrigins'), 'http://localhost:4200,http://127.0.0.1:4200');
  assert.equal(local.get('BackendUrl'), 'http://127.0.0.1:3100');
  assert.equal(local.get('AuthorizationScopes'), 'aws.cognito.signin.user.admin');
});

test('dev.json deploys everything from an empty account: a new pool, the built-in backend', () => {
  const dev = values('dev.json');
  for (const key of ['UserPoolID', 'AppClientID', 'BackendUrl', 'CloudMapServiceArn']) {
    assert.equal(dev.get(key) ?? '', '', key);
  }
});

test('local-lambda.json is local.json with the built-in backend instead of the Timer server', () => {
  const local = values('local.json');
  local.delete('BackendUrl');
  assert.deepEqual(values('local-lambda.json'), local);
});

test('parameter files hold no account ids or secrets', () => {
  for (const file of files) {
    for (const [key, value] of values(file)) {
      assert.ok(!/\b\d{12}\b/.test(value), `${file} ${key} has no account id`);
      assert.ok(!/secret|password/i.test(key), `${file} ${key}`);
    }
  }
});

test('BackendUrl is a base URL (the request path is forwarded), CloudMapServiceArn a Cloud Map ARN', () => {
  const backend = parameterPattern('BackendUrl');
  for (const ok of ['', 'https://timer.example.com', 'http://127.0.0.1:3100']) {
    assert.ok(backend.test(ok), ok);
  }
  for (const bad of [
    'timer.example.com',
    'https://timer.example.com/api',
    'https://u:p@x.example',
  ]) {
    assert.ok(!backend.test(bad), bad);
  }
  const arn = parameterPattern('CloudMapServiceArn');
  assert.ok(arn.test(''));
  assert.ok(arn.test('arn:aws:servicediscovery:eu-west-1:000000000000:service/srv-abc123'));
  assert.ok(!arn.test('arn:aws:ecs:eu-west-1:000000000000:service/cluster/svc'));
});
