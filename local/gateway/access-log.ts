// The local gateway's access log, as an HTTP API stage's: one JSON line per request, written once
// its response is done, with the names of API Gateway's `$context` variables
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html).
// The claims are the verified token's identity, never the token itself: a test reads which token
// (`jti`) of which user (`sub`) reached the API, and when, as one would in CloudWatch Logs.
import { appendFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface AccessLogEntry {
  requestId: string;
  /** When the request arrived, epoch ms (`$context.requestTimeEpoch`). */
  requestTimeEpoch: number;
  httpMethod: string;
  path: string;
  routeKey?: string;
  status: number;
  /** `$context.authorizer.claims.*` of an authorized request, `$context.authorizer.error` otherwise. */
  authorizer?: { claims: Record<string, unknown> } | { error: string };
}

/** What the JWT authorizer decided about a request. */
export type AccessDecision =
  | { readonly ok: true; readonly claims: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly description: string };

/** The claims an entry keeps: who, which token, issued and expiring when. */
const CLAIMS = ['sub', 'username', 'client_id', 'jti', 'iat', 'exp'];

export interface AccessLog {
  /** Called as a request arrives; its line is written when its response is done. */
  begin(req: IncomingMessage, res: ServerResponse, requestId: string): void;
  /** The route taken and, on a route with the JWT authorizer, its decision. */
  routed(req: IncomingMessage, routeKey: string, decision?: AccessDecision): void;
}

/** An access log appending to `file` (created when missing). */
export function fileAccessLog(file: string): AccessLog {
  return accessLog((entry) => appendFileSync(file, `${JSON.stringify(entry)}\n`));
}

export function accessLog(write: (entry: AccessLogEntry) => void): AccessLog {
  const entries = new WeakMap<IncomingMessage, AccessLogEntry>();
  return {
    begin(req, res, requestId) {
      const entry: AccessLogEntry = {
        requestId,
        requestTimeEpoch: Date.now(),
        httpMethod: (req.method ?? 'GET').toUpperCase(),
        path: (req.url ?? '').split('?')[0]!,
        status: 0,
      };
      entries.set(req, entry);
      res.once('close', () => write({ ...entry, status: res.statusCode }));
    },
    routed(req, routeKey, decision) {
      const entry = entries.get(req);
      if (!entry) return;
      entry.routeKey = routeKey;
      if (decision?.ok) {
        const claims = CLAIMS.filter((name) => name in decision.claims);
        entry.authorizer = {
          claims: Object.fromEntries(claims.map((c) => [c, decision.claims[c]])),
        };
      } else if (decision) entry.authorizer = { error: decision.description };
    },
  };
}
