import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Template } from './cfn-yaml.ts';
import { checkTemplate, subVariables } from './check-template.ts';
import { template } from '../cloudformation/template-fixture.ts';

test('api.yaml passes every check against the CloudFormation resource specification', () => {
  assert.deepEqual(checkTemplate(template), []);
});

function mutated(change: (copy: Template) => void): string[] {
  const copy = structuredClone(template);
  change(copy);
  return checkTemplate(copy);
}

test('the checker catches each kind of mistake it claims to catch', () => {
  const cases: Array<[string, (copy: Template) => void, RegExp]> = [
    [
      'unknown type',
      (t) => (t.Resources['Api']!.Type = 'AWS::ApiGatewayV2::Apii'),
      /unknown resource type/,
    ],
    [
      'unknown property',
      (t) => (t.Resources['Api']!.Properties!['CorsConfig'] = {}),
      /Api\.Properties: unknown property CorsConfig/,
    ],
    [
      'unknown nested property',
      (t) => {
        const cors = t.Resources['Api']!.Properties!['CorsConfiguration'] as Record<
          string,
          unknown
        >;
        cors['AllowOrigin'] = ['https://a.example'];
      },
      /CorsConfiguration: unknown property AllowOrigin/,
    ],
    [
      'missing required property',
      (t) => delete t.Resources['DefaultRoute']!.Properties!['RouteKey'],
      /DefaultRoute\.Properties: missing required RouteKey/,
    ],
    [
      'wrong value type',
      (t) => (t.Resources['PreflightFunction']!.Properties!['Architectures'] = 'arm64'),
      /Architectures: expected a list/,
    ],
    [
      'Ref to nothing',
      (t) => (t.Resources['Authorizer']!.Properties!['ApiId'] = { Ref: 'Apy' }),
      /Ref to unknown Apy/,
    ],
    [
      'Sub variable to nothing',
      (t) =>
        (t.Resources['DefaultRoute']!.Properties!['Target'] = {
          'Fn::Sub': 'integrations/${Nope}',
        }),
      /Ref to unknown Nope/,
    ],
    [
      'GetAtt on a missing attribute',
      (t) =>
        (t.Resources['PreflightIntegration']!.Properties!['IntegrationUri'] = {
          'Fn::GetAtt': ['PreflightFunction', 'Url'],
        }),
      /has no attribute Url/,
    ],
    [
      'unused parameter',
      (t) => (t.Parameters!['Unused'] = { Type: 'String' }),
      /Parameters\.Unused: never used/,
    ],
    [
      'unused condition',
      (t) => (t.Conditions!['Never'] = { 'Fn::Equals': ['a', 'b'] }),
      /never used/,
    ],
    [
      'unknown condition',
      (t) => (t.Resources['VpcLink']!.Condition = 'Missing'),
      /unknown condition Missing/,
    ],
    [
      'conditional resource used unconditionally',
      (t) => (t.Resources['BackendIntegration']!.Properties!['ConnectionId'] = { Ref: 'VpcLink' }),
      /uses VpcLink, which exists only if UseVpcLink, outside Fn::If UseVpcLink/,
    ],
    [
      'conditional resource used in the false branch',
      (t) =>
        (t.Resources['BackendIntegration']!.Properties!['ConnectionId'] = {
          'Fn::If': ['UseVpcLink', { Ref: 'AWS::NoValue' }, { 'Fn::Sub': '${VpcLink}' }],
        }),
      /uses VpcLink, which exists only if UseVpcLink/,
    ],
    [
      'unknown DependsOn',
      (t) => (t.Resources['DefaultStage']!.DependsOn = 'Ghost'),
      /DependsOn unknown Ghost/,
    ],
  ];
  for (const [label, change, expected] of cases) {
    const problems = mutated(change);
    assert.ok(
      problems.some((problem) => expected.test(problem)),
      `${label}: ${JSON.stringify(problems)}`,
    );
  }
});

test('Sub variables skip ${!Literal} escapes and keep dotted attribute names', () => {
  assert.deepEqual(subVariables('a${X}b${!Y}c${ Z.Arn }'), ['X', 'Z.Arn']);
});
