import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate } from '../../cfn-lib/cfn-yaml.ts';
import { gatewayConfigFromTemplate, loadGatewayConfig } from './template.ts';
import { LOCAL_PARAMETERS_FILE, TEMPLATE_FILE } from '../../tools/paths.ts';

// Logical ids deliberately unlike the real template's: the reader goes by resource type.
const FIXTURE = `
Parameters:
  Pool: { Type: String }
  Client: { Type: String }
  Origins: { Type: CommaDelimitedList, Default: 'https://a.example,https://b.example' }
  Scopes: { Type: CommaDelimitedList, Default: 'scope.one' }
  Backend: { Type: String, Default: '' }
Conditions:
  HasBackend: !Not [!Equals [!Ref Backend, '']]
Resources:
  TheApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      CorsConfiguration:
        AllowOrigins: !Ref Origins
        AllowMethods: [get, post]
        AllowHeaders: [authorization]
        ExposeHeaders: [location]
        MaxAge: 60
  Jwt:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref TheApi
      AuthorizerType: JWT
      JwtConfiguration:
        Issuer: !Sub 'https://cognito-idp.\${AWS::Region}.amazonaws.com/\${Pool}'
        Audience: [!Ref Client]
  Http:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      IntegrationType: HTTP_PROXY
      IntegrationUri: !If [HasBackend, !Ref Backend, 'http://fallback.invalid']
      TimeoutInMillis: 1234
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          ALLOWED_ORIGINS: !Join [',', !Ref Origins]
          MAX_AGE: 60
  Preflight:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      IntegrationType: AWS_PROXY
      IntegrationUri: !GetAtt Fn.Arn
  Catchall:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      RouteKey: $default
      AuthorizationType: JWT
      AuthorizerId: !Ref Jwt
      AuthorizationScopes: !Ref Scopes
      Target: !Sub 'integrations/\${Http}'
  Options:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      RouteKey: OPTIONS /{proxy+}
      AuthorizationType: NONE
      Target: !Join ['/', [integrations, !Ref Preflight]]
`;

test('reads CORS, routes, authorizer and integrations by resource type, resolving short tags', () => {
  const config = gatewayConfigFromTemplate(parseTemplate(FIXTURE), {
    Pool: 'us-east-1_abc',
    Client: 'client1',
    Backend: 'http://127.0.0.1:9',
  });
  assert.deepEqual(config.cors, {
    allowOrigins: ['https://a.example', 'https://b.example'],
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['authorization'],
    exposeHeaders: ['location'],
    maxAge: 60,
    allowCredentials: false,
  });
  const def = config.routes.find((r) => r.routeKey === '$default')!;
  assert.deepEqual(def.jwt, {
    issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc',
    audience: ['client1'],
    scopes: ['scope.one'],
  });
  assert.deepEqual(def.integration, { kind: 'http', uri: 'http://127.0.0.1:9', timeoutMs: 1234 });
  const options = config.routes.find((r) => r.routeKey === 'OPTIONS /{proxy+}')!;
  assert.equal(options.jwt, undefined);
  assert.deepEqual(options.integration, {
    kind: 'lambda',
    env: { ALLOWED_ORIGINS: 'https://a.example,https://b.example', MAX_AGE: '60' },
  });
});

test('CLI overrides win over template and parameters, everywhere they apply', () => {
  const config = gatewayConfigFromTemplate(
    parseTemplate(FIXTURE),
    { Pool: 'p_1', Client: 'c' },
    {
      issuer: 'http://127.0.0.1:9229/local_x',
      audience: ['a', 'b'],
      upstream: 'http://127.0.0.1:3100',
      allowedOrigins: ['http://localhost:4200'],
      scopes: ['s1', 's2'],
    },
  );
  assert.deepEqual(config.cors?.allowOrigins, ['http://localhost:4200']);
  const def = config.routes.find((r) => r.routeKey === '$default')!;
  assert.deepEqual(def.jwt, {
    issuer: 'http://127.0.0.1:9229/local_x',
    audience: ['a', 'b'],
    scopes: ['s1', 's2'],
  });
  assert.equal(def.integration.kind === 'http' && def.integration.uri, 'http://127.0.0.1:3100');
  const options = config.routes.find((r) => r.routeKey !== '$default')!;
  assert.equal(
    options.integration.kind === 'lambda' && options.integration.env.ALLOWED_ORIGINS,
    'http://localhost:4200',
  );
});

test('the real template with the local parameters gives the documented CORS decision', () => {
  const config = loadGatewayConfig(TEMPLATE_FILE, LOCAL_PARAMETERS_FILE, {});
  assert.deepEqual(config.cors?.allowOrigins, ['http://localhost:4200', 'http://127.0.0.1:4200']);
  assert.deepEqual(config.routes.map((r) => r.routeKey).sort(), [
    '$default',
    'OPTIONS /',
    'OPTIONS /{proxy+}',
  ]);
  const def = config.routes.find((r) => r.routeKey === '$default')!;
  assert.deepEqual(def.jwt?.scopes, ['aws.cognito.signin.user.admin']);
  assert.match(
    def.jwt?.issuer ?? '',
    /^https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/local_placeholder$/,
  );
  for (const r of config.routes.filter((r) => r.routeKey !== '$default')) {
    assert.equal(r.jwt, undefined);
    assert.equal(r.integration.kind, 'lambda');
  }
});
