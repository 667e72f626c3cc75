// HTTP_PROXY integrations: the request goes on with the headers of forwarding.ts over a pooled
// connection (upstream.ts), the answer comes back with the gateway's CORS headers instead of the
// integration's, and the integration timeout answers 504, an unreachable integration 503.
import {
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isCorsHeader } from './cors.ts';
import { endToEnd, integrationRequestHeaders } from './forwarding.ts';
import type { RequestTarget } from './request-target.ts';
import { parseUpstream, upstreamHref, type UpstreamPool, type UpstreamTarget } from './upstream.ts';

export interface ProxyRequest {
  req: IncomingMessage;
  res: ServerResponse;
  target: RequestTarget;
  method: string;
  body: Buffer;
  /** The integration URI. */
  upstream: string;
  timeoutMs: number;
  /** Headers the gateway adds to the answer (request id, CORS); its `vary` is merged. */
  extra: Record<string, string>;
  /** Answers with a JSON message (server.ts). */
  json(res: ServerResponse, status: number, message: string, headers: Record<string, string>): void;
}

export function createProxy(
  pool: UpstreamPool,
  log: (line: string) => void,
): (request: ProxyRequest) => Promise<void> {
  const targets = new Map<string, UpstreamTarget>();
  const upstreamTarget = (upstream: string): UpstreamTarget => {
    let target = targets.get(upstream);
    if (target === undefined) {
      target = parseUpstream(upstream);
      targets.set(upstream, target);
    }
    return target;
  };

  return ({ req, res, target: requestTarget, method, body, upstream, timeoutMs, extra, json }) => {
    // overwrite:path=$request.path: the request's path and query, as received, follow the
    // backend's base path (request-target.ts).
    const target = upstreamTarget(upstream);
    const path = `${target.basePath}${requestTarget.raw}`;
    const href = () => upstreamHref(upstream, requestTarget.raw);
    const headers = integrationRequestHeaders(req.headers, req.socket.remoteAddress ?? '127.0.0.1');
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
            // Hop-by-hop fields (those the answer's Connection names too) stay on the
            // integration's connection; CORS headers are the gateway's (cors.ts); the length
            // is Node's to frame.
            const out = endToEnd(
              up.headers,
              (k) => isCorsHeader(k) || k === 'vary' || k === 'content-length',
            );
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
  };
}
