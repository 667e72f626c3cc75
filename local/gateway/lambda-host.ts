// Runs a built Lambda handler (the CORS preflight, the Timer API) in-process with a payload format
// 2.0 event, `requestContext.authorizer.jwt` filled from the verified token on routes with a JWT
// authorizer, as the page's example event shows:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export type LambdaHandler = (event: unknown) => Promise<unknown>;

export class LambdaLoadError extends Error {
  override readonly name = 'LambdaLoadError';
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * The module reads its configuration from process.env when it loads, so each distinct env gets
 * its own module instance (a query string makes a fresh ESM instance); loads are serialized so
 * concurrent loads never see each other's env.
 */
export function loadHandler(file: string, env: Record<string, string>): Promise<LambdaHandler> {
  if (!existsSync(file)) {
    return Promise.reject(new LambdaLoadError(`${file} is missing: run npm run build:lambda`));
  }
  const key = createHash('sha256').update(JSON.stringify(env)).digest('hex').slice(0, 16);
  const next = chain.then(async () => {
    const saved: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(env)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    try {
      const mod = (await import(`${pathToFileURL(file).href}?env=${key}`)) as {
        handler?: LambdaHandler;
      };
      if (typeof mod.handler !== 'function')
        throw new LambdaLoadError(`${file} exports no handler`);
      return mod.handler;
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
  chain = next.catch(() => undefined);
  return next;
}

export interface EventInput {
  method: string;
  rawPath: string;
  rawQueryString: string;
  headers: Record<string, string | string[] | undefined>;
  routeKey: string;
  sourceIp: string;
  body: Buffer;
  /** The route's JWT authorizer's verified claims and the token's scopes. */
  jwt?: { claims: Readonly<Record<string, unknown>>; scopes: string[] | null };
}

/**
 * Claims as API Gateway puts them in the event: every value a string. Non-string claims are not
 * described on the payload page; strings are kept as they are, numbers and booleans as their
 * text, and lists as `[a b]`, the form API Gateway is seen to use (a backend reads `sub`, a string).
 */
export function eventClaims(claims: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    out[name] = Array.isArray(value)
      ? `[${value.join(' ')}]`
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value);
  }
  return out;
}

export function payloadV2Event(input: EventInput): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.headers)) {
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(input.rawQueryString)) {
    query[k] = k in query ? `${query[k]},${v}` : v;
  }
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.rawPath,
    rawQueryString: input.rawQueryString,
    headers,
    ...(input.rawQueryString ? { queryStringParameters: query } : {}),
    requestContext: {
      ...(input.jwt
        ? {
            authorizer: {
              jwt: { claims: eventClaims(input.jwt.claims), scopes: input.jwt.scopes },
            },
          }
        : {}),
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method: input.method,
        path: input.rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: input.routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    ...(input.body.length > 0
      ? { body: input.body.toString('base64'), isBase64Encoded: true }
      : { isBase64Encoded: false }),
  };
}

export interface LambdaHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Payload 2.0 response interpretation, including the "no statusCode → 200 JSON" inference. */
export function interpretResult(result: unknown): LambdaHttpResponse {
  if (typeof result === 'object' && result !== null && 'statusCode' in result) {
    const r = result as {
      statusCode: unknown;
      headers?: unknown;
      body?: unknown;
      isBase64Encoded?: unknown;
    };
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((r.headers as Record<string, unknown>) ?? {})) {
      headers[k.toLowerCase()] = String(v);
    }
    const text = typeof r.body === 'string' ? r.body : '';
    return {
      statusCode: Number(r.statusCode),
      headers,
      body: r.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text),
    };
  }
  const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(body),
  };
}
