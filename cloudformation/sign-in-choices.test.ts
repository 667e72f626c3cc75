// The created pool's choice-based sign-in (password, passkey, email code) and the created client's
// refresh token rotation, resolved for the parameter values that select each, and every literal
// value the template sets checked against the allowed values of the CloudFormation spec.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolve, type ResolveContext } from '../cfn-lib/resolve.ts';
import { specDatabase } from '../cfn-lib/check-template.ts';
import { ruleFailures } from './rules-eval.ts';
import { parameterPattern, template } from './template-fixture.ts';

const base = { App: 'a', Env: 'dev', Name: 'timer', AllowedOrigins: 'http://localhost:4200' };

/** The resource's properties as CloudFormation would see them with these parameter values. */
function resolved(id: string, given: Record<string, string> = {}): Record<string, unknown> {
  const parameters: Record<string, string> = {};
  for (const [name, spec] of Object.entries(template.Parameters ?? {})) {
    const value = { ...base, ...given }[name] ?? spec['Default'];
    if (value !== undefined) parameters[name] = String(value);
  }
  const ctx: ResolveContext = {
    parameters,
    conditions: template.Conditions ?? {},
    resources: new Set(Object.keys(template.Resources)),
    region: 'eu-west-1',
  };
  return resolve(template.Resources[id]!.Properties, ctx) as Record<string, unknown>;
}

const factors = (given: Record<string, string> = {}) =>
  (resolved('UserPool', given)['Policies'] as { SignInPolicy: { AllowedFirstAuthFactors: [] } })
    .SignInPolicy.AllowedFirstAuthFactors;

test('the pool is on the Essentials tier, which choice-based sign-in needs', () => {
  assert.equal(resolved('UserPool')['UserPoolTier'], 'ESSENTIALS');
});

test('first factors: a password always; a passkey with a relying party; an email code with SES', () => {
  const rp = { PasskeyRelyingPartyId: 'main.d1a2b3c4.amplifyapp.com' };
  const ses = { SesEmailIdentity: 'no-reply@example.com' };
  assert.deepEqual(factors(), ['PASSWORD']);
  assert.deepEqual(factors(rp), ['PASSWORD', 'WEB_AUTHN']);
  assert.deepEqual(factors(ses), ['PASSWORD', 'EMAIL_OTP']);
  assert.deepEqual(factors({ ...rp, ...ses }), ['PASSWORD', 'WEB_AUTHN', 'EMAIL_OTP']);
});

test('passkeys: the relying party id and user verification come from the parameters', () => {
  const none = resolved('UserPool');
  assert.equal('WebAuthnRelyingPartyID' in none, false);
  assert.equal('WebAuthnUserVerification' in none, false);
  const pool = resolved('UserPool', {
    PasskeyRelyingPartyId: 'app.example.com',
    PasskeyUserVerification: 'required',
  });
  assert.equal(pool['WebAuthnRelyingPartyID'], 'app.example.com');
  assert.equal(pool['WebAuthnUserVerification'], 'required');
  assert.equal(template.Parameters!['PasskeyUserVerification']!['Default'], 'preferred');

  const rp = parameterPattern('PasskeyRelyingPartyId');
  for (const ok of ['', 'localhost', 'app.example.com', 'main.d1a2b3c4.amplifyapp.com']) {
    assert.ok(rp.test(ok), ok);
  }
  for (const bad of [
    'https://app.example.com',
    'app.example.com:443',
    'App.Example.com',
    'app.example.com/',
    '127.0.0.1',
    '*.example.com',
  ]) {
    assert.ok(!rp.test(bad), bad);
  }
});

test('email codes: mail goes through the SES identity, in its own region when given', () => {
  assert.equal('EmailConfiguration' in resolved('UserPool'), false);
  const ses = { SesEmailIdentity: 'no-reply@example.com' };
  assert.deepEqual(resolved('UserPool', ses)['EmailConfiguration'], {
    EmailSendingAccount: 'DEVELOPER',
    SourceArn: 'arn:aws:ses:eu-west-1:000000000000:identity/no-reply@example.com',
  });
  assert.deepEqual(resolved('UserPool', { ...ses, SesRegion: 'us-east-1' })['EmailConfiguration'], {
    EmailSendingAccount: 'DEVELOPER',
    SourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/no-reply@example.com',
  });
  assert.deepEqual(ruleFailures(template, { ...base, SesRegion: 'us-east-1' }), [
    'SesRegion is the region of SesEmailIdentity; set both, or neither.',
  ]);
  const identity = parameterPattern('SesEmailIdentity');
  assert.ok(identity.test('') && identity.test('no-reply@example.com'));
  assert.ok(!identity.test('example.com') && !identity.test('a b@example.com'));
  const region = parameterPattern('SesRegion');
  assert.ok(region.test('') && region.test('eu-west-1') && region.test('us-gov-west-1'));
  assert.ok(!region.test('eu-west') && !region.test('EU-WEST-1'));
});

test('refresh tokens rotate by default, with a grace period, and REFRESH_TOKEN_AUTH is then off', () => {
  const rotating = resolved('UserPoolClient');
  // Parameter values reach properties as strings, as CloudFormation passes them.
  assert.deepEqual(rotating['RefreshTokenRotation'], {
    Feature: 'ENABLED',
    RetryGracePeriodSeconds: '10',
  });
  assert.ok(rotating['ExplicitAuthFlows']);
  assert.equal(
    (rotating['ExplicitAuthFlows'] as string[]).includes('ALLOW_REFRESH_TOKEN_AUTH'),
    false,
  );
  assert.ok((rotating['ExplicitAuthFlows'] as string[]).includes('ALLOW_USER_AUTH'));

  const grace = resolved('UserPoolClient', { RefreshTokenRetryGraceSeconds: '0' });
  assert.deepEqual(grace['RefreshTokenRotation'], {
    Feature: 'ENABLED',
    RetryGracePeriodSeconds: '0',
  });

  const still = resolved('UserPoolClient', { RotateRefreshTokens: 'false' });
  assert.deepEqual(still['RefreshTokenRotation'], { Feature: 'DISABLED' });
  assert.ok((still['ExplicitAuthFlows'] as string[]).includes('ALLOW_REFRESH_TOKEN_AUTH'));

  // AWS's range for the grace period: 0 to 60 seconds.
  const spec = template.Parameters!['RefreshTokenRetryGraceSeconds']!;
  assert.deepEqual([spec['MinValue'], spec['MaxValue']], [0, 60]);
});

/** Allowed values of a property (or a property of its nested type) in the CloudFormation spec. */
function allowedValues(type: string, path: string[]): string[] {
  const db = specDatabase();
  let properties = db.lookup('resource', 'cloudFormationType', 'equals', type).only()
    .properties as unknown as Record<
    string,
    {
      type: {
        type: string;
        reference?: { $ref: string };
        element?: { allowedValues?: string[] };
        allowedValues?: string[];
      };
    }
  >;
  for (const [index, name] of path.entries()) {
    const property = properties[name];
    assert.ok(property, `${type} ${path.slice(0, index + 1).join('.')} is in the spec`);
    if (index === path.length - 1) {
      return property.type.allowedValues ?? property.type.element?.allowedValues ?? [];
    }
    properties = (
      db.get('typeDefinition', property.type.reference!.$ref) as unknown as {
        properties: typeof properties;
      }
    ).properties;
  }
  return [];
}

test('every value set here is one the CloudFormation spec allows', () => {
  assert.ok(allowedValues('AWS::Cognito::UserPool', ['UserPoolTier']).includes('ESSENTIALS'));
  const feature = allowedValues('AWS::Cognito::UserPoolClient', [
    'RefreshTokenRotation',
    'Feature',
  ]);
  assert.deepEqual([...feature].sort(), ['DISABLED', 'ENABLED']);
  // The spec documents these in text only; AWS's API reference lists the same values:
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignInPolicyType.html
  const documented = ['EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN', 'PASSWORD'];
  const rp = { PasskeyRelyingPartyId: 'app.example.com', SesEmailIdentity: 'a@example.com' };
  for (const factor of factors(rp)) assert.ok(documented.includes(factor), factor);
  allowedValues('AWS::Cognito::UserPool', ['Policies', 'SignInPolicy', 'AllowedFirstAuthFactors']);
  allowedValues('AWS::Cognito::UserPool', ['WebAuthnUserVerification']);
});
