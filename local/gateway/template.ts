// Builds the gateway's configuration from a CloudFormation template BY RESOURCE TYPE
// (AWS::ApiGatewayV2::Api/Route/Authorizer/Integration, AWS::Lambda::Function), so logical ids
// may change freely. CLI flags then override what the template and parameters say.
import { dirname, resolve as resolvePath } from 'node:path';
import { loadParameters, loadTemplate, type Template } from '../../cfn-lib/cfn-yaml.ts';
import {
  evaluateCondition,
  resolve,
  TemplateResolveError,
  type ResolveContext,
} from '../../cfn-lib/resolve.ts';

export interface CorsConfig {
  allowOrigins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAge?: number;
  allowCredentials: boolean;
}

export type Integration =
  | { kind: 'http'; uri: string; timeoutMs: number }
  /**
   * `codeUri`: the function's Code when it is a local path for `aws cloudformation package`
   * (resolved against the template's folder by loadGatewayConfig); absent for inline code.
   */
  | { kind: 'lambda'; env: Record<string, string>; codeUri?: string };

export interface RouteConfig {
  routeKey: string;
  /** JWT rules when AuthorizationType is JWT; undefined for NONE. */
  jwt?: { issuer: string; audience: string[]; scopes: string[] };
  integration: Integration;
}

export interface GatewayConfig {
  cors?: CorsConfig;
  routes: RouteConfig[];
}

export interface Overrides {
  issuer?: string;
  audience?: string[];
  upstream?: string;
  allowedOrigins?: string[];
  scopes?: string[];
  /** Added to every Lambda integration's environment (the offline table's endpoint). */
  lambdaEnv?: Record<string, string>;
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? v.split(',') : [];

function parameterValues(
  template: Template,
  given: Record<string, string>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, spec] of Object.entries(template.Parameters ?? {})) {
    const raw = name in given ? given[name] : spec.Default;
    if (raw === undefined) continue;
    const text = String(raw);
    out[name] =
      String(spec.Type).startsWith('CommaDelimitedList') || String(spec.Type).startsWith('List<')
        ? text.split(',').map((s) => s.trim())
        : text;
  }
  return out;
}

export function gatewayConfigFromTemplate(
  template: Template,
  parameters: Record<string, string>,
  overrides: Overrides = {},
  region = 'us-east-1',
): GatewayConfig {
  const ctx: ResolveContext = {
    parameters: parameterValues(template, parameters),
    conditions: template.Conditions ?? {},
    resources: new Set(Object.keys(template.Resources)),
    region,
  };
  const active = Object.entries(template.Resources).filter(
    ([, r]) => r.Condition === undefined || evaluateCondition(r.Condition, ctx),
  );
  const props = (id: string): Record<string, unknown> =>
    resolve(template.Resources[id].Properties ?? {}, ctx) as Record<string, unknown>;
  const ofType = (type: string) => active.filter(([, r]) => r.Type === type).map(([id]) => id);

  const apis = ofType('AWS::ApiGatewayV2::Api');
  if (apis.length !== 1)
    throw new TemplateResolveError(`expected one HTTP API, found ${apis.length}`);
  const api = props(apis[0]);
  const rawCors = api.CorsConfiguration as Record<string, unknown> | undefined;
  const cors: CorsConfig | undefined = rawCors && {
    allowOrigins: overrides.allowedOrigins ?? list(rawCors.AllowOrigins),
    allowMethods: list(rawCors.AllowMethods).map((m) => m.toUpperCase()),
    allowHeaders: list(rawCors.AllowHeaders),
    exposeHeaders: list(rawCors.ExposeHeaders),
    maxAge: rawCors.MaxAge === undefined ? undefined : Number(rawCors.MaxAge),
    allowCredentials: rawCors.AllowCredentials === true || rawCors.AllowCredentials === 'true',
  };

  const integrationOf = (id: string): Integration => {
    const p = props(id);
    if (p.IntegrationType === 'HTTP_PROXY') {
      return {
        kind: 'http',
        uri: overrides.upstream ?? String(p.IntegrationUri),
        timeoutMs: p.TimeoutInMillis === undefined ? 30000 : Number(p.TimeoutInMillis),
      };
    }
    if (p.IntegrationType === 'AWS_PROXY') {
      // IntegrationUri is `!GetAtt Function.Arn`; its environment configures the handler.
      const fn = String(p.IntegrationUri).split('.')[0];
      if (template.Resources[fn]?.Type !== 'AWS::Lambda::Function') {
        throw new TemplateResolveError(`integration ${id} does not target a Lambda function`);
      }
      const env = (((props(fn).Environment as Record<string, unknown>) ?? {}).Variables ??
        {}) as Record<string, string>;
      const out = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
      if (overrides.allowedOrigins && 'ALLOWED_ORIGINS' in out) {
        out.ALLOWED_ORIGINS = overrides.allowedOrigins.join(',');
      }
      Object.assign(out, overrides.lambdaEnv);
      const code = props(fn).Code;
      return { kind: 'lambda', env: out, ...(typeof code === 'string' ? { codeUri: code } : {}) };
    }
    throw new TemplateResolveError(
      `integration ${id}: ${String(p.IntegrationType)} is not emulated`,
    );
  };

  const routes: RouteConfig[] = ofType('AWS::ApiGatewayV2::Route').map((id) => {
    const p = props(id);
    const target = String(p.Target ?? '');
    const integrationId = target.replace(/^integrations\//, '');
    let jwt: RouteConfig['jwt'];
    if (p.AuthorizationType === 'JWT') {
      const a = props(String(p.AuthorizerId));
      const c = (a.JwtConfiguration ?? {}) as Record<string, unknown>;
      jwt = {
        issuer: overrides.issuer ?? String(c.Issuer),
        audience: overrides.audience ?? list(c.Audience),
        scopes: overrides.scopes ?? list(p.AuthorizationScopes).filter((s) => s !== ''),
      };
    } else if (p.AuthorizationType !== undefined && p.AuthorizationType !== 'NONE') {
      throw new TemplateResolveError(`route ${id}: ${String(p.AuthorizationType)} is not emulated`);
    }
    return { routeKey: String(p.RouteKey), jwt, integration: integrationOf(integrationId) };
  });
  return { cors, routes };
}

export function loadGatewayConfig(
  templatePath: string,
  parametersPath: string | undefined,
  overrides: Overrides,
): GatewayConfig {
  const params = parametersPath
    ? Object.fromEntries(
        loadParameters(parametersPath).map((p) => [p.ParameterKey, p.ParameterValue]),
      )
    : {};
  const config = gatewayConfigFromTemplate(loadTemplate(templatePath), params, overrides);
  for (const route of config.routes) {
    const { integration } = route;
    if (integration.kind === 'lambda' && integration.codeUri !== undefined) {
      route.integration = {
        ...integration,
        codeUri: resolvePath(dirname(templatePath), integration.codeUri),
      };
    }
  }
  return config;
}
