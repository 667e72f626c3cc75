// The optional user pool: created when UserPoolID is empty, with a public app client, and used
// by the authorizer and the outputs; an existing pool keeps today's parameters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conditionHolds } from './rules-eval.ts';
import { template } from './template-fixture.ts';

const props = (id: string) => template.Resources[id]!.Properties!;
const base = { App: 'a', Env: 'dev', Name: 'timer', AllowedOrigins: 'http://localhost:4200' };

test('the pool and client exist only when UserPoolID is empty', () => {
  assert.equal(conditionHolds(template, base, 'CreateUserPool'), true);
  assert.equal(
    conditionHolds(
      template,
      { ...base, UserPoolID: 'eu-west-1_Abc', AppClientID: 'c' },
      'CreateUserPool',
    ),
    false,
  );
  assert.equal(template.Resources['UserPool']!.Condition, 'CreateUserPool');
  assert.equal(template.Resources['UserPoolClient']!.Condition, 'CreateUserPool');
});

test('the pool: email sign-in, self sign-up by parameter, a strong password policy, optional TOTP', () => {
  const pool = props('UserPool');
  assert.deepEqual(pool['UsernameAttributes'], ['email']);
  assert.deepEqual(pool['AdminCreateUserConfig'], {
    AllowAdminCreateUserOnly: { 'Fn::If': ['AllowSelfSignUp', false, true] },
  });
  assert.equal(template.Parameters!['SelfSignUp']!['Default'], 'false');
  const policy = (pool['Policies'] as { PasswordPolicy: Record<string, unknown> }).PasswordPolicy;
  assert.ok(Number(policy['MinimumLength']) >= 12);
  for (const rule of ['RequireLowercase', 'RequireUppercase', 'RequireNumbers', 'RequireSymbols']) {
    assert.equal(policy[rule], true, rule);
  }
  assert.deepEqual(pool['MfaConfiguration'], { Ref: 'Mfa' });
  assert.deepEqual(template.Parameters!['Mfa']!['AllowedValues'], ['OFF', 'OPTIONAL', 'ON']);
  assert.deepEqual(pool['EnabledMfas'], {
    'Fn::If': ['UseMfa', ['SOFTWARE_TOKEN_MFA'], { Ref: 'AWS::NoValue' }],
  });
});

test('the client is public (no secret), choice-based, SRP and USER_PASSWORD, lifetimes from parameters', () => {
  const client = props('UserPoolClient');
  assert.equal(client['GenerateSecret'], false);
  const flows = ['ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'];
  // REFRESH_TOKEN_AUTH only without rotation (sign-in-choices.test.ts checks the rotation itself).
  assert.deepEqual(client['ExplicitAuthFlows'], {
    'Fn::If': ['RotatesRefreshTokens', flows, [...flows, 'ALLOW_REFRESH_TOKEN_AUTH']],
  });
  assert.deepEqual(client['UserPoolId'], { Ref: 'UserPool' });
  assert.deepEqual(client['AccessTokenValidity'], { Ref: 'AccessTokenValidityMinutes' });
  assert.deepEqual(client['RefreshTokenValidity'], { Ref: 'RefreshTokenValidityDays' });
  assert.deepEqual(client['TokenValidityUnits'], {
    AccessToken: 'minutes',
    IdToken: 'minutes',
    RefreshToken: 'days',
  });
});

test('outputs name the pool and client in use, created or given', () => {
  const outputs = template.Outputs!;
  assert.deepEqual(outputs['UserPoolID']!['Value'], {
    'Fn::If': ['CreateUserPool', { Ref: 'UserPool' }, { Ref: 'UserPoolID' }],
  });
  assert.deepEqual(outputs['AppClientID']!['Value'], {
    'Fn::If': ['CreateUserPool', { Ref: 'UserPoolClient' }, { Ref: 'AppClientID' }],
  });
  // The created client allows USER_AUTH; a given one may not, so the demo asks for a password.
  assert.deepEqual(outputs['ChoiceBasedSignIn']!['Value'], {
    'Fn::If': ['CreateUserPool', 'true', 'false'],
  });
});
