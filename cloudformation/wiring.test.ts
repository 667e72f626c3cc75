// The template's wiring, asserted on the parsed template (long-form intrinsics).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LAMBDA_RUNTIME } from '../lambda/cors-preflight/build.ts';
import { parseCorsConfig } from '../lambda/cors-preflight/config.ts';
import {
  inlineFunction,
  onlyResourceOfType,
  resourcesOfType,
  template,
} from './template-fixture.ts';

const [apiId, api] = onlyResourceOfType('AWS::ApiGatewayV2::Api');
const [authorizerId, authorizer] = onlyResourceOfType('AWS::ApiGatewayV2::Authorizer');
const [functionId, fn] = inlineFunction();
const routes = resourcesOfType('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties!);
const integrations = Object.fromEntries(resourcesOfType('AWS::ApiGatewayV2::Integration'));
const route = (key: string) => routes.find((r) => r['RouteKey'] === key);
/** The integration a route targets; `$default`'s depends on the backend, so `branch` picks one. */
const targetOf = (key: string, branch: 'builtIn' | 'http' = 'http') => {
  const raw = route(key)?.['Target'] as { 'Fn::Sub'?: string; 'Fn::If'?: unknown[] };
  const target = (raw['Fn::If'] ? raw['Fn::If'][branch === 'builtIn' ? 1 : 2] : raw) as {
    'Fn::Sub': string;
  };
  const match = /^integrations\/\$\{(\w+)\}$/.exec(target['Fn::Sub']);
  assert.ok(match, `${key} targets an integration of this template`);
  return integrations[match[1]!]!;
};

/** Every statement of a role's inline policies. */
function statementsOf(roleId: string): unknown[] {
  const policies = template.Resources[roleId]!.Properties!['Policies'] as {
    PolicyDocument: { Statement: unknown[] };
  }[];
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

test('one HTTP API, whose CORS origins are exactly the AllowedOrigins parameter', () => {
  assert.equal(api.Properties!['ProtocolType'], 'HTTP');
  const cors = api.Properties!['CorsConfiguration'] as Record<string, unknown>;
  assert.deepEqual(cors['AllowOrigins'], { Ref: 'AllowedOrigins' });
  assert.deepEqual(cors['AllowHeaders'], ['authorization', 'content-type', 'if-match']);
  assert.deepEqual(cors['ExposeHeaders'], ['location', 'etag', 'link']);
  assert.equal(cors['MaxAge'], 7200);
  assert.equal(cors['AllowCredentials'], false);
});

test('the JWT authorizer trusts the user pool issuer and only the app client', () => {
  const props = authorizer.Properties!;
  assert.deepEqual(props['ApiId'], { Ref: apiId });
  assert.equal(props['AuthorizerType'], 'JWT');
  assert.deepEqual(props['IdentitySource'], ['$request.header.Authorization']);
  assert.deepEqual(props['JwtConfiguration'], {
    Issuer: {
      'Fn::If': [
        'CreateUserPool',
        { 'Fn::GetAtt': ['UserPool', 'ProviderURL'] },
        { 'Fn::Sub': 'https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPoolID}' },
      ],
    },
    Audience: [{ 'Fn::If': ['CreateUserPool', { Ref: 'UserPoolClient' }, { Ref: 'AppClientID' }] }],
  });
  assert.equal(
    template.Parameters!['AuthorizationScopes']!['Default'],
    'aws.cognito.signin.user.admin',
  );
});

test('$default requires the JWT authorizer and the scopes, and reaches the backend', () => {
  const defaultRoute = route('$default')!;
  assert.equal(defaultRoute['AuthorizationType'], 'JWT');
  assert.deepEqual(defaultRoute['AuthorizerId'], { Ref: authorizerId });
  assert.deepEqual(defaultRoute['AuthorizationScopes'], { Ref: 'AuthorizationScopes' });
  const backend = targetOf('$default').Properties!;
  assert.equal(backend['IntegrationType'], 'HTTP_PROXY');
  assert.deepEqual(backend['IntegrationUri'], {
    'Fn::If': ['UseVpcLink', { Ref: 'CloudMapServiceArn' }, { Ref: 'BackendUrl' }],
  });
  assert.deepEqual(backend['ConnectionType'], { 'Fn::If': ['UseVpcLink', 'VPC_LINK', 'INTERNET'] });
  assert.deepEqual(backend['ConnectionId'], {
    'Fn::If': ['UseVpcLink', { Ref: 'VpcLink' }, { Ref: 'AWS::NoValue' }],
  });
  assert.equal(template.Resources['VpcLink']!.Condition, 'UseVpcLink');
});

test('only the two OPTIONS routes are unauthenticated, and both reach the Lambda with payload 2.0', () => {
  assert.deepEqual(routes.map((r) => r['RouteKey']).sort(), [
    '$default',
    'OPTIONS /',
    'OPTIONS /{proxy+}',
  ]);
  for (const key of ['OPTIONS /{proxy+}', 'OPTIONS /']) {
    const r = route(key)!;
    assert.equal(r['AuthorizationType'], 'NONE');
    assert.equal(r['AuthorizerId'], undefined);
    assert.equal(r['AuthorizationScopes'], undefined);
    const integration = targetOf(key).Properties!;
    assert.equal(integration['IntegrationType'], 'AWS_PROXY');
    assert.equal(integration['PayloadFormatVersion'], '2.0');
    assert.deepEqual(integration['IntegrationUri'], { 'Fn::GetAtt': [functionId, 'Arn'] });
  }
});

test('the Lambda runs the built handler on the runtime esbuild targets, arm64, 128 MB', () => {
  const props = fn.Properties!;
  assert.equal(props['Runtime'], LAMBDA_RUNTIME);
  assert.deepEqual(props['Architectures'], ['arm64']);
  assert.equal(props['MemorySize'], 128);
  assert.equal(props['Handler'], 'index.handler');
});

test("the Lambda's CORS policy comes from AllowedOrigins and equals the API's CorsConfiguration", () => {
  const env = (fn.Properties!['Environment'] as { Variables: Record<string, unknown> }).Variables;
  assert.deepEqual(env['ALLOWED_ORIGINS'], { 'Fn::Join': [',', { Ref: 'AllowedOrigins' }] });
  const cors = api.Properties!['CorsConfiguration'] as Record<string, unknown>;
  // Substitute a real list for the parameter so the handler's own parser checks the rest.
  const config = parseCorsConfig({
    ALLOWED_ORIGINS: 'https://app.example.com',
    ALLOWED_METHODS: String(env['ALLOWED_METHODS']),
    ALLOWED_HEADERS: String(env['ALLOWED_HEADERS']),
    MAX_AGE: String(env['MAX_AGE']),
  });
  assert.deepEqual(
    [...config.allowedMethods].sort(),
    [...(cors['AllowMethods'] as string[])].sort(),
  );
  assert.deepEqual(
    [...config.allowedHeaderKeys].sort(),
    [...(cors['AllowHeaders'] as string[])].sort(),
  );
  assert.equal(config.maxAgeSeconds, cors['MaxAge']);
});

test('the role may write its own log group only, and the permission names only OPTIONS on this API', () => {
  const roleId = (fn.Properties!['Role'] as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
  const role = template.Resources[roleId]!;
  assert.equal(role.Properties!['ManagedPolicyArns'], undefined);
  const logGroup = (fn.Properties!['LoggingConfig'] as { LogGroup: { Ref: string } }).LogGroup.Ref;
  assert.deepEqual(statementsOf(roleId), [
    {
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::GetAtt': [logGroup, 'Arn'] },
    },
  ]);
  const [, permission] = resourcesOfType('AWS::Lambda::Permission').find(
    ([, p]) =>
      JSON.stringify(p.Properties!['FunctionName']) === JSON.stringify({ Ref: functionId }),
  )!;
  const props = permission.Properties!;
  assert.deepEqual(props['FunctionName'], { Ref: functionId });
  assert.equal(props['Principal'], 'apigateway.amazonaws.com');
  assert.equal(props['Action'], 'lambda:InvokeFunction');
  assert.deepEqual(props['SourceArn'], {
    'Fn::Sub': `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiId}}/*/OPTIONS/*`,
  });
});

test('$default stage auto-deploys and logs to a log group with retention', () => {
  const [, stage] = onlyResourceOfType('AWS::ApiGatewayV2::Stage');
  assert.equal(stage.Properties!['StageName'], '$default');
  assert.equal(stage.Properties!['AutoDeploy'], true);
  const logs = stage.Properties!['AccessLogSettings'] as {
    DestinationArn: unknown;
    Format: string;
  };
  const [logGroupId] = (logs.DestinationArn as { 'Fn::GetAtt': string[] })['Fn::GetAtt'];
  const logGroup = template.Resources[logGroupId!]!;
  assert.equal(logGroup.Type, 'AWS::Logs::LogGroup');
  assert.deepEqual(logGroup.Properties!['RetentionInDays'], { Ref: 'LogRetentionInDays' });
  const format = JSON.parse(logs.Format) as Record<string, string>;
  assert.equal(format['requestId'], '$context.requestId');
  assert.ok(!/header|authorization/i.test(logs.Format), 'no request headers (tokens) in logs');
  for (const [, group] of resourcesOfType('AWS::Logs::LogGroup')) {
    assert.ok(group.Properties!['RetentionInDays'] !== undefined);
  }
});

test('outputs export the API id and endpoint under ${App}-${Env}-${Name}ID / Endpoint', () => {
  const outputs = template.Outputs!;
  assert.deepEqual(outputs['ApiId']!['Value'], { Ref: apiId });
  assert.deepEqual(outputs['ApiId']!['Export'], { Name: { 'Fn::Sub': '${App}-${Env}-${Name}ID' } });
  assert.deepEqual(outputs['ApiEndpoint']!['Value'], { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] });
  assert.deepEqual(outputs['ApiEndpoint']!['Export'], {
    Name: { 'Fn::Sub': '${App}-${Env}-${Name}Endpoint' },
  });
});
