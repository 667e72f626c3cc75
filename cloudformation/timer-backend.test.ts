// The built-in Timer backend and the backend choice: which mode each combination of parameters
// deploys, what Rules refuse, and the table, function, permission and role of the Lambda mode.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { LAMBDA_RUNTIME } from '../lambda/cors-preflight/build.ts';
import { TEMPLATE_FILE, TIMER_LAMBDA_DIR } from '../tools/paths.ts';
import { ATTRIBUTE_DEFINITIONS, KEY_SCHEMA } from '../lambda/timer-api/table.ts';
import { conditionHolds, ruleFailures } from './rules-eval.ts';
import { template } from './template-fixture.ts';

const resource = (id: string) => template.Resources[id]!;
const props = (id: string) => resource(id).Properties!;
const base = { App: 'a', Env: 'dev', Name: 'timer', AllowedOrigins: 'http://localhost:4200' };

test('neither BackendUrl nor CloudMapServiceArn: the built-in backend, and only then', () => {
  const modes: [Record<string, string>, boolean][] = [
    [{}, true],
    [{ BackendUrl: 'https://timer.example.com' }, false],
    [
      {
        CloudMapServiceArn: 'arn:aws:servicediscovery:eu-west-1:000000000000:service/srv-a1',
        VpcLinkSubnetIds: 'subnet-1',
      },
      false,
    ],
  ];
  for (const [given, builtIn] of modes) {
    const values = { ...base, ...given };
    assert.deepEqual(ruleFailures(template, values), [], JSON.stringify(given));
    assert.equal(conditionHolds(template, values, 'UseBuiltInBackend'), builtIn);
    assert.equal(conditionHolds(template, values, 'UseHttpBackend'), !builtIn);
  }
  for (const id of [
    'TasksTable',
    'TimerFunction',
    'TimerRole',
    'TimerLogGroup',
    'TimerIntegration',
    'TimerPermission',
  ]) {
    assert.equal(resource(id).Condition, 'UseBuiltInBackend', id);
  }
  assert.equal(resource('BackendIntegration').Condition, 'UseHttpBackend');
});

test('Rules refuse mixed backends and settings that belong to another mode, saying what to set', () => {
  const arn = 'arn:aws:servicediscovery:eu-west-1:000000000000:service/srv-a1';
  const refused: [Record<string, string>, RegExp][] = [
    [
      { BackendUrl: 'https://t.example.com', CloudMapServiceArn: arn, VpcLinkSubnetIds: 's' },
      /either BackendUrl or CloudMapServiceArn/,
    ],
    [{ CloudMapServiceArn: arn }, /needs VpcLinkSubnetIds/],
    [
      { VpcLinkSubnetIds: 'subnet-1' },
      /only apply with CloudMapServiceArn.*neither for the built-in/,
    ],
    [{ UserPoolID: 'eu-west-1_Abc' }, /needs its AppClientID/],
    [{ AppClientID: 'abc' }, /leave both empty to create one/],
  ];
  for (const [given, message] of refused) {
    const failures = ruleFailures(template, { ...base, ...given });
    assert.ok(
      failures.some((f) => message.test(f)),
      `${JSON.stringify(given)}: ${failures}`,
    );
  }
});

test("the table: on-demand, point-in-time recovery, encrypted, kept unless asked, the code's key", () => {
  const table = props('TasksTable');
  assert.equal(table['BillingMode'], 'PAY_PER_REQUEST');
  assert.deepEqual(table['PointInTimeRecoverySpecification'], { PointInTimeRecoveryEnabled: true });
  assert.deepEqual(table['SSESpecification'], { SSEEnabled: true });
  assert.deepEqual(table['KeySchema'], KEY_SCHEMA);
  assert.deepEqual(table['AttributeDefinitions'], ATTRIBUTE_DEFINITIONS);
  assert.deepEqual(resource('TasksTable').DeletionPolicy, { Ref: 'TasksTableDeletionPolicy' });
  assert.equal(resource('TasksTable').UpdateReplacePolicy, 'Retain');
  assert.equal(template.Parameters!['TasksTableDeletionPolicy']!['Default'], 'Retain');
  assert.deepEqual(table['DeletionProtectionEnabled'], {
    'Fn::If': ['RetainTasksTable', true, false],
  });
  // DeletionPolicy from a parameter needs the language extensions transform.
  assert.equal((template as { Transform?: unknown }).Transform, 'AWS::LanguageExtensions');
});

test('the function: Node 24 on arm64, the built bundle packaged from dist/, its table in env', () => {
  const fn = props('TimerFunction');
  assert.equal(fn['Runtime'], LAMBDA_RUNTIME);
  assert.deepEqual(fn['Architectures'], ['arm64']);
  assert.equal(fn['Handler'], 'index.handler');
  assert.equal(join(dirname(TEMPLATE_FILE), String(fn['Code'])), TIMER_LAMBDA_DIR);
  if (existsSync(TIMER_LAMBDA_DIR)) assert.ok(existsSync(join(TIMER_LAMBDA_DIR, 'index.mjs')));
  const env = (fn['Environment'] as { Variables: Record<string, unknown> }).Variables;
  assert.deepEqual(env, {
    TABLE_NAME: { Ref: 'TasksTable' },
    MAX_TASKS_PER_USER: { Ref: 'MaxTasksPerUser' },
  });
  assert.deepEqual(fn['LoggingConfig'], { LogGroup: { Ref: 'TimerLogGroup' } });
});

test('$default: AWS_PROXY payload 2.0 to the function, behind the same JWT authorizer', () => {
  const route = Object.values(template.Resources).find(
    (r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties!['RouteKey'] === '$default',
  )!.Properties!;
  assert.equal(route['AuthorizationType'], 'JWT');
  assert.deepEqual(route['AuthorizerId'], { Ref: 'Authorizer' });
  assert.deepEqual((route['Target'] as { 'Fn::If': unknown[] })['Fn::If'].slice(0, 2), [
    'UseBuiltInBackend',
    { 'Fn::Sub': 'integrations/${TimerIntegration}' },
  ]);
  const integration = props('TimerIntegration');
  assert.equal(integration['IntegrationType'], 'AWS_PROXY');
  assert.equal(integration['PayloadFormatVersion'], '2.0');
  assert.deepEqual(integration['IntegrationUri'], { 'Fn::GetAtt': ['TimerFunction', 'Arn'] });
});

test("only this API's $default route may invoke the function", () => {
  const permission = props('TimerPermission');
  assert.deepEqual(permission['FunctionName'], { Ref: 'TimerFunction' });
  assert.equal(permission['Principal'], 'apigateway.amazonaws.com');
  assert.equal(permission['Action'], 'lambda:InvokeFunction');
  assert.deepEqual(permission['SourceArn'], {
    'Fn::Sub':
      'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/$default',
  });
});

test('least privilege: the role reads and writes its own table and writes its own log group', () => {
  assert.deepEqual(props('TimerFunction')['Role'], { 'Fn::GetAtt': ['TimerRole', 'Arn'] });
  assert.equal(props('TimerRole')['ManagedPolicyArns'], undefined);
  const statements = (
    props('TimerRole')['Policies'] as { PolicyDocument: { Statement: unknown[] } }[]
  ).flatMap((p) => p.PolicyDocument.Statement);
  assert.deepEqual(statements, [
    {
      Effect: 'Allow',
      Action: [
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:Query',
      ],
      Resource: { 'Fn::GetAtt': ['TasksTable', 'Arn'] },
    },
    {
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::GetAtt': ['TimerLogGroup', 'Arn'] },
    },
  ]);
  // No role anywhere in the template grants on "*".
  assert.ok(!/"Resource":"\*"/.test(JSON.stringify(template.Resources)));
});

test('cost bounds: the stage throttles every route, and the function can be capped', () => {
  const stage = Object.values(template.Resources).find(
    (r) => r.Type === 'AWS::ApiGatewayV2::Stage',
  );
  assert.deepEqual(stage?.Properties?.['DefaultRouteSettings'], {
    ThrottlingRateLimit: { Ref: 'ApiThrottlingRateLimit' },
    ThrottlingBurstLimit: { Ref: 'ApiThrottlingBurstLimit' },
  });
  const parameters = template.Parameters!;
  assert.equal(parameters['ApiThrottlingRateLimit']!['Default'], 25);
  assert.equal(parameters['ApiThrottlingBurstLimit']!['Default'], 50);
  assert.equal(parameters['TimerReservedConcurrency']!['Default'], '');
  assert.deepEqual(props('TimerFunction')['ReservedConcurrentExecutions'], {
    'Fn::If': ['CapTimerConcurrency', { Ref: 'TimerReservedConcurrency' }, { Ref: 'AWS::NoValue' }],
  });
  assert.equal(conditionHolds(template, base, 'CapTimerConcurrency'), false, 'no cap by default');
  assert.equal(
    conditionHolds(template, { ...base, TimerReservedConcurrency: '10' }, 'CapTimerConcurrency'),
    true,
  );
  const pattern = new RegExp(String(parameters['TimerReservedConcurrency']!['AllowedPattern']));
  for (const good of ['', '1', '10', '9999']) assert.ok(pattern.test(good), good);
  // 0 would stop the function altogether (Lambda throttles every call): refused.
  for (const bad of ['0', '-1', '10000', '1.5', 'x']) assert.ok(!pattern.test(bad), bad);
});
