// The local HTTP API: route selection, JWT authorizer, HTTP_PROXY integration, in-process CORS
// Lambda, CORS headers and AWS's request limits. Never crashes on a request: every failure is a
// JSON response (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html).
import { randomUUID } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createAuthorizer, type Authorizer } from '../jwt-authorizer/authorizer.ts';
import { wwwAuthenticate } from '../jwt-authorizer/claims.ts';
import { corsResponseHeaders, isCorsHeader } from './cors.ts';
import { oneLineLogger } from '../jwt-authorizer/log-line.ts';
import { interpretResult, loadHandler, payloadV2Event, type LambdaHandler } from './lambda-host.ts';
import { parseRequestTarget, type RequestTarget } from './request-target.ts';
import { selectRoute } from './routes.ts';
import type { GatewayConfig, RouteConfig } from './template.ts';
import {
  createUpstreamPool,
  parseUpstream,
  upstreamHref,
  type UpstreamPoolOptions,
  type UpstreamTarget,
} from './upstream.ts';

/** HTTP API quotas: 10 MB payload; 10240 bytes of request line and headers. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
export const MAX_HEADER_BYTES = 10240;

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

export interface GatewayOptions {
  config: GatewayConfig;
  port?: number;
  /** Built CORS handler (dist/cors-preflight/index.mjs). */
  lambdaFile: string;
  log?: (line: string) => void;
  /** Overrides every HTTP integration's timeout (tests). */
  integrationTimeoutMs?: number;
  /** Overrides how long a JWKS fetch may take, 5 s by default (tests). */
  jwksTimeoutMs?: number;
  /** Bounds of the keep-alive connection pool to HTTP integrations (upstream.ts). */
  upstreamPool?: UpstreamPoolOptions;
}

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

const NO_BODY = Buffer.alloc(0);

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> | Buffer {
  // Already parsed to the end with nothing buffered (a request without a body): nothing to read.
  if (req.complete && req.readableLength === 0) return NO_BODY;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  // Log lines quote request paths and error messages: one escaped line each (log-line.ts).
  const log = oneLineLogger(options.log ?? ((line: string) => console.error(line)));
  const { config } = options;
  const authorizers = new Map<string, Authorizer>();
  const routeAuthorizers = new Map<RouteConfig, Authorizer>();
  const handlers = new Map<RouteConfig, LambdaHandler>();
  const pool = createUpstreamPool(options.upstreamPool);
  const targets = new Map<string, UpstreamTarget>();
  const upstreamTarget = (upstream: string): UpstreamTarget => {
    let target = targets.get(upstream);
    if (target === undefined) {
      target = parseUpstream(upstream);
      targets.set(upstream, target);
    }
    return target;
  };
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
          }),
        );
      }
      routeAuthorizers.set(route, authorizers.get(key)!);
    }
    // Loaded at start so a bad ALLOWED_ORIGINS fails the gateway, not the first preflight.
    if (route.integration.kind === 'lambda') {
      handlers.set(route, await loadHandler(options.lambdaFile, route.integration.env));
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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const base = { 'apigw-requestid': requestId };
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

    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      res.setHeader('connection', 'close');
      return json(res, 413, 'Request Entity Too Large', { ...base, ...cors });
    }

    if (route.jwt) {
      const decision = await routeAuthorizers
        .get(route)!
        .authorize(req.headers.authorization, route.jwt.scopes);
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
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        return json(res, 413, 'Request Entity Too Large', { ...base, ...cors });
      }
      throw error;
    }

    const integration = route.integration;
    if (integration.kind === 'lambda') {
      const event = payloadV2Event({
        method,
        rawPath: target.rawPath,
        rawQueryString: target.rawQuery,
        headers: req.headers,
        routeKey: route.routeKey,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        body,
      });
      let result: unknown;
      try {
        result = await handlers.get(route)!(event);
      } catch (error) {
        log(`gateway: Lambda integration failed: ${String(error)}`);
        return json(res, 500, 'Internal Server Error', base);
      }
      const out = interpretResult(result);
      // The preflight handler's answer is the response as is.
      return send(res, out.statusCode, out.body, { ...out.headers, ...base });
    }

    await proxy(
      req,
      res,
      target,
      method,
      body,
      integration.uri,
      options.integrationTimeoutMs ?? integration.timeoutMs,
      {
        ...base,
        ...cors,
      },
    );
  }

  function proxy(
    req: IncomingMessage,
    res: ServerResponse,
    requestTarget: RequestTarget,
    method: string,
    body: Buffer,
    upstream: string,
    timeoutMs: number,
    extra: Record<string, string>,
  ): Promise<void> {
    // overwrite:path=$request.path: the request's path and query, as received, follow the
    // backend's base path (request-target.ts).
    const target = upstreamTarget(upstream);
    const path = `${target.basePath}${requestTarget.raw}`;
    const href = () => upstreamHref(upstream, requestTarget.raw);
    const headers: Record<string, string | string[]> = {};
    for (const k of Object.keys(req.headers)) {
      const v = req.headers[k];
      if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
    }
    const remote = req.socket.remoteAddress ?? '127.0.0.1';
    headers['x-forwarded-for'] = req.headers['x-forwarded-for']
      ? `${String(req.headers['x-forwarded-for'])}, ${remote}`
      : remote;
    // API Gateway sends `https` here because clients reach it over TLS. This gateway is plain
    // http, and the header tells the backend the scheme the client really used: a backend that
    // builds absolute URLs from it (Location, links, a redirect to its canonical scheme) then
    // points the client at http://127.0.0.1:PORT, which works, rather than at an https URL that
    // nothing serves locally. Copying AWS's value would make such a backend fail only offline.
    headers['x-forwarded-proto'] = 'http';
    if (body.length > 0 || (method !== 'GET' && method !== 'HEAD'))
      headers['content-length'] = String(body.length);
    const make = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      let done = false;
      let current: ClientRequest | undefined;
      const finish = () => {
        done = true;
        clearTimeout(timer);
        res.off('close', onClientGone);
        resolve();
      };
      // The client went away first: stop the upstream exchange so its connection is freed.
      const onClientGone = () => {
        if (done) return;
        current?.destroy();
        finish();
      };
      res.on('close', onClientGone);
      // HTTP API's integration timeout (TimeoutInMillis, at most 30 s) → 504. One deadline for
      // the whole exchange, retries on a stale pooled connection included.
      const timer = setTimeout(() => {
        if (done) return;
        current?.destroy();
        log(`gateway: integration timed out after ${timeoutMs} ms: ${method} ${href()}`);
        json(res, 504, 'Service Unavailable', extra);
        finish();
      }, timeoutMs);
      const attempt = () => {
        let responded = false;
        const upstreamReq = make(
          {
            protocol: target.protocol,
            hostname: target.hostname,
            port: target.port,
            auth: target.auth,
            path,
            method,
            headers,
            agent: pool.agentFor(target.protocol, method),
          },
          (up) => {
            responded = true;
            if (done) {
              up.destroy();
              return;
            }
            const out: Record<string, string | string[]> = {};
            for (const k of Object.keys(up.headers)) {
              const v = up.headers[k];
              if (v !== undefined && !HOP_BY_HOP.has(k) && !isCorsHeader(k) && k !== 'vary')
                out[k] = v;
            }
            const vary = up.headers.vary;
            if (vary && extra.vary) out.vary = `${vary}, ${extra.vary}`;
            else if (vary) out.vary = vary;
            const merged: Record<string, string | string[]> = { ...out, ...extra };
            if (out.vary) merged.vary = out.vary;
            res.writeHead(up.statusCode ?? 502, merged as Record<string, string>);
            up.pipe(res);
            up.on('end', finish);
            up.on('error', () => {
              res.destroy();
              finish();
            });
          },
        );
        current = upstreamReq;
        upstreamReq.on('error', (error: NodeJS.ErrnoException) => {
          if (done) return;
          if (!responded && pool.mayRetry(method, upstreamReq.reusedSocket, error)) {
            // A pooled connection the upstream had already closed: try another one.
            attempt();
            return;
          }
          log(`gateway: integration unreachable: ${method} ${href()}: ${error.message}`);
          json(res, 503, 'Service Unavailable', extra);
          finish();
        });
        upstreamReq.end(body);
      };
      attempt();
    });
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
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
