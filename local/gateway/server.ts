// The local HTTP API: route selection, JWT authorizer, HTTP_PROXY integration (proxy.ts),
// in-process CORS Lambda, CORS headers and AWS's request limits (limits.ts). Never crashes on a
// request: every failure is a JSON response, and a client that goes away is no failure at all.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { createAuthorizer, type Authorizer } from '../jwt-authorizer/authorizer.ts';
import { wwwAuthenticate } from '../jwt-authorizer/claims.ts';
import { oneLineLogger } from '../jwt-authorizer/log-line.ts';
import {
  BodyBudget,
  BodyBudgetExhaustedError,
  BodyTooLargeError,
  closeAfterRefusal,
  declaredTooLarge,
  isClientGone,
  readBody,
} from '../http/body.ts';
import type { AccessLog } from './access-log.ts';
import { corsResponseHeaders } from './cors.ts';
import { interpretResult, loadHandler, payloadV2Event, type LambdaHandler } from './lambda-host.ts';
import {
  LAMBDA_BODY_BUDGET_BYTES,
  LAMBDA_PAYLOAD_BYTES,
  LAMBDA_RESPONSE_BYTES,
  MAX_BODY_BYTES,
  MAX_HEADER_BYTES,
  MAX_LAMBDA_BODY_BYTES,
  PROXY_BODY_BUDGET_BYTES,
} from './limits.ts';
import { createProxy } from './proxy.ts';
import { parseRequestTarget } from './request-target.ts';
import { selectRoute } from './routes.ts';
import type { GatewayConfig, RouteConfig } from './template.ts';
import { createUpstreamPool, type UpstreamPoolOptions } from './upstream.ts';

export { MAX_BODY_BYTES, MAX_HEADER_BYTES } from './limits.ts';

export interface GatewayOptions {
  config: GatewayConfig;
  port?: number;
  /** Built CORS handler (dist/cors-preflight/index.mjs). */
  lambdaFile: string;
  log?: (line: string) => void;
  /** Lines about ordinary client behaviour (a client that went away mid-request); none by default. */
  debug?: (line: string) => void;
  /** Overrides every HTTP integration's timeout (tests). */
  integrationTimeoutMs?: number;
  /** Overrides how long a JWKS fetch may take, 5 s by default (tests). */
  jwksTimeoutMs?: number;
  /** Seconds a fetched JWKS is used before it is fetched again; 3600 by default (authorizer.ts). */
  jwksMaxAgeSeconds?: number;
  /** Bounds of the keep-alive connection pool to HTTP integrations (upstream.ts). */
  upstreamPool?: UpstreamPoolOptions;
  /** Bytes of request bodies held at once, per kind of route (limits.ts; tests make them small). */
  bodyBudgets?: { lambda?: number; proxy?: number };
  /** One line per request, as a stage's access log (access-log.ts); none by default. */
  accessLog?: AccessLog;
}

/** The token's scopes as the event lists them; null when it has none. */
function scopesOf(claims: Readonly<Record<string, unknown>>): string[] | null {
  const scope = claims['scope'];
  return typeof scope === 'string' && scope !== '' ? scope.split(' ') : null;
}

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  // Log lines quote request paths and error messages: one escaped line each (log-line.ts).
  const log = oneLineLogger(options.log ?? ((line: string) => console.error(line)));
  const debug = oneLineLogger(options.debug ?? (() => undefined));
  const { config } = options;
  const authorizers = new Map<string, Authorizer>();
  const routeAuthorizers = new Map<RouteConfig, Authorizer>();
  const handlers = new Map<RouteConfig, LambdaHandler>();
  const pool = createUpstreamPool(options.upstreamPool);
  const proxy = createProxy(pool, log);
  const lambdaBudget = new BodyBudget(options.bodyBudgets?.lambda ?? LAMBDA_BODY_BUDGET_BYTES);
  const proxyBudget = new BodyBudget(options.bodyBudgets?.proxy ?? PROXY_BODY_BUDGET_BYTES);
  for (const route of config.routes) {
    if (route.jwt) {
      const key = `${route.jwt.issuer}\n${route.jwt.audience.join(',')}`;
      if (!authorizers.has(key)) {
        authorizers.set(
          key,
          createAuthorizer({
            issuer: route.jwt.issuer,
            audience: route.jwt.audience,
            log,
            jwksTimeoutMs: options.jwksTimeoutMs,
            jwksMaxAgeSeconds: options.jwksMaxAgeSeconds,
          }),
        );
      }
      routeAuthorizers.set(route, authorizers.get(key)!);
    }
    // Loaded at start so a bad ALLOWED_ORIGINS fails the gateway, not the first preflight.
    if (route.integration.kind === 'lambda') {
      const { codeUri, env } = route.integration;
      const file = codeUri === undefined ? options.lambdaFile : join(codeUri, 'index.mjs');
      handlers.set(route, await loadHandler(file, env));
    }
  }

  const send = (
    res: ServerResponse,
    status: number,
    body: Buffer | string,
    headers: Record<string, string>,
  ): void => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  };
  const json = (
    res: ServerResponse,
    status: number,
    message: string,
    headers: Record<string, string> = {},
  ) =>
    send(res, status, JSON.stringify({ message }), {
      'content-type': 'application/json',
      ...headers,
    });
  /** Answers without reading (the rest of) the body, then closes the connection (body.ts). */
  const refuse = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    message: string,
    headers: Record<string, string>,
  ) => {
    closeAfterRefusal(req);
    json(res, status, message, { ...headers, connection: 'close' });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const base = { 'apigw-requestid': requestId };
    options.accessLog?.begin(req, res, requestId);
    const method = (req.method ?? 'GET').toUpperCase();
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const cors = corsResponseHeaders(config.cors, origin);
    const target = parseRequestTarget(req.url);
    if (target === undefined) {
      // Not origin-form (`GET http://host/…`, `OPTIONS *`, a fragment): no route can take it.
      req.resume();
      return json(res, 400, 'Bad Request', { ...base, ...cors });
    }
    const route = selectRoute(config.routes, method, target.routePath);
    if (route === undefined) return json(res, 404, 'Not Found', { ...base, ...cors });
    options.accessLog?.routed(req, route.routeKey);

    const integration = route.integration;
    const limit = integration.kind === 'lambda' ? MAX_LAMBDA_BODY_BYTES : MAX_BODY_BYTES;
    if (declaredTooLarge(req, limit)) {
      return refuse(req, res, 413, 'Request Entity Too Large', { ...base, ...cors });
    }

    let claims: Readonly<Record<string, unknown>> | undefined;
    if (route.jwt) {
      const decision = await routeAuthorizers
        .get(route)!
        .authorize(req.headers.authorization, route.jwt.scopes);
      options.accessLog?.routed(req, route.routeKey, decision);
      if (decision.ok) claims = decision.claims;
      if (!decision.ok) {
        req.resume();
        return json(res, decision.status, decision.status === 403 ? 'Forbidden' : 'Unauthorized', {
          ...base,
          ...cors,
          'www-authenticate': wwwAuthenticate(decision, route.jwt.scopes),
        });
      }
    }

    let body: Buffer;
    try {
      // The Lambda budget is for unauthenticated Lambda routes (the preflight); an authorized
      // Lambda route (the Timer API) shares the proxy's, as a backend behind the authorizer.
      const budget = integration.kind === 'lambda' && !route.jwt ? lambdaBudget : proxyBudget;
      body = await readBody(req, limit, { res, budget });
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return refuse(req, res, 413, 'Request Entity Too Large', { ...base, ...cors });
      }
      // The gateway's own bound on memory (limits.ts), not an AWS quota: try again later.
      if (error instanceof BodyBudgetExhaustedError) {
        return refuse(req, res, 503, 'Service Unavailable', { ...base, ...cors });
      }
      throw error;
    }

    if (integration.kind === 'lambda') {
      const event = payloadV2Event({
        method,
        rawPath: target.rawPath,
        rawQueryString: target.rawQuery,
        headers: req.headers,
        routeKey: route.routeKey,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        body,
        ...(claims ? { jwt: { claims, scopes: scopesOf(claims) } } : {}),
      });
      // Lambda refuses an invocation payload over its quota with RequestTooLargeException, HTTP
      // 413 (https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html); what API Gateway then
      // answers is not documented, so the emulator answers 413 too.
      if (Buffer.byteLength(JSON.stringify(event)) > LAMBDA_PAYLOAD_BYTES) {
        return json(res, 413, 'Request Entity Too Large', { ...base, ...cors });
      }
      let result: unknown;
      try {
        result = await handlers.get(route)!(event);
      } catch (error) {
        log(`gateway: Lambda integration failed: ${String(error)}`);
        return json(res, 500, 'Internal Server Error', base);
      }
      // Past Lambda's response quota the function's answer never reaches API Gateway (limits.ts).
      const resultBytes = Buffer.byteLength(JSON.stringify(result) ?? '');
      if (resultBytes > LAMBDA_RESPONSE_BYTES) {
        log(
          `gateway: Lambda integration failed: Function.ResponseSizeTooLarge: the response is ${resultBytes} bytes, over ${LAMBDA_RESPONSE_BYTES}`,
        );
        return json(res, 500, 'Internal Server Error', base);
      }
      const out = interpretResult(result);
      // The function's answer is the response as is, with the API's CORS headers on routes that
      // are not the preflight's own (API Gateway adds them to integration responses, api.yaml).
      const corsHeaders = route.jwt ? cors : {};
      return send(res, out.statusCode, out.body, { ...out.headers, ...corsHeaders, ...base });
    }

    await proxy({
      req,
      res,
      target,
      method,
      body,
      upstream: integration.uri,
      timeoutMs: options.integrationTimeoutMs ?? integration.timeoutMs,
      extra: { ...base, ...cors },
      json,
    });
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A client that disconnects mid-request: nothing to answer, nobody to answer to, and any
      // client could fill the log with it, so one short debug line at most.
      if (isClientGone(error)) {
        debug(`gateway: client went away mid-request (${(error as Error).name})`);
        res.destroy();
        return;
      }
      log(`gateway: internal error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) json(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const message = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
    const body = JSON.stringify({ message });
    socket.end(
      `HTTP/1.1 ${status} ${message}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        for (const s of sockets) s.destroy();
        pool.destroy();
      }),
  };
}
