import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StackParametersError, parameterOverrides, stackName } from './stack-parameters.ts';
import { PARAMETERS } from './fake-aws.ts';

test('parameters become Key=Value overrides in file order; list values keep their commas', () => {
  assert.deepEqual(parameterOverrides(PARAMETERS), [
    'App=demo',
    'Env=test',
    'Name=timer',
    'UserPoolID=eu-west-1_AbC123',
    'AppClientID=client123',
    'AllowedOrigins=https://app.example.com,http://localhost:4200',
    'BackendUrl=https://timer.example.com',
  ]);
});

test('placeholders and multi-line values are refused', () => {
  const withPlaceholder = PARAMETERS.map((p) =>
    p.ParameterKey === 'AppClientID' ? { ...p, ParameterValue: 'CHANGEME' } : p,
  );
  assert.throws(() => parameterOverrides(withPlaceholder), /placeholder values of AppClientID/);
  assert.throws(
    () => parameterOverrides([{ ParameterKey: 'A', ParameterValue: 'x\ny' }]),
    StackParametersError,
  );
});

test('the stack is named ${App}-${Env}-${Name}, like its exports', () => {
  assert.equal(stackName(PARAMETERS), 'demo-test-timer');
  assert.throws(() => stackName(PARAMETERS.slice(1)), /must set App/);
  assert.throws(
    () => stackName([...PARAMETERS, { ParameterKey: 'App', ParameterValue: '' }].slice(1)),
    /must set App/,
  );
});
