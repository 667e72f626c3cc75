// Connections to HTTP_PROXY integrations: a bounded keep-alive pool per gateway, so a request
// does not pay for a new TCP connection (connect, accept, close, TIME_WAIT) on both sides.
//
// What a pool could change, and how it does not:
// - A pooled socket the upstream has just closed (keep-alive timeout, restart) fails a request
//   that a fresh connection would have carried. Idle sockets are dropped before the upstream's
//   announced `Keep-Alive: timeout=N` (Node's agent keeps them N-1 s, never more than
//   FREE_SOCKET_TIMEOUT_MS), and a request that failed on a *reused* socket before any response
//   is sent again, but only for idempotent methods (RFC 9110 §9.2.2: a proxy MUST NOT retry
//   non-idempotent requests). Non-idempotent methods therefore do not use the pool: they get a
//   fresh connection each, exactly as before.
// - A retry uses the same request deadline (the integration timeout is armed once), and it is
//   only taken while the failures come from reused sockets, each of which is destroyed by the
//   failure: a dead upstream runs out of pooled sockets at once and answers ECONNREFUSED → 503.
// - The pool is bounded (maxSockets per upstream host): excess requests wait for a socket, and
//   that wait counts against the integration timeout like any other upstream delay.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { urlToHttpOptions } from 'node:url';

/** Concurrent connections per upstream host:port. */
export const UPSTREAM_MAX_SOCKETS = 256;
/** Idle connections kept per upstream host:port (each for at most FREE_SOCKET_TIMEOUT_MS). */
export const UPSTREAM_MAX_FREE_SOCKETS = 256;
/** Longest an idle pooled connection is kept when the upstream announces no keep-alive timeout. */
export const FREE_SOCKET_TIMEOUT_MS = 4000;

/** RFC 9110 §9.2.2. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

export interface UpstreamPoolOptions {
  maxSockets?: number;
  maxFreeSockets?: number;
  freeSocketTimeoutMs?: number;
}

export interface UpstreamPool {
  /** The agent for a request, or false (a fresh connection) for non-idempotent methods. */
  agentFor(protocol: string, method: string): HttpAgent | false;
  /** Whether an error on this request may be retried on another connection. */
  mayRetry(method: string, reusedSocket: boolean, error: NodeJS.ErrnoException): boolean;
  /** Closes every pooled connection. */
  destroy(): void;
}

export function createUpstreamPool(options: UpstreamPoolOptions = {}): UpstreamPool {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? UPSTREAM_MAX_SOCKETS,
    maxFreeSockets: options.maxFreeSockets ?? UPSTREAM_MAX_FREE_SOCKETS,
    // Closes idle pooled sockets (Node lowers it to the upstream's Keep-Alive hint minus 1 s);
    // on a busy socket it is only an event nobody listens to: the integration timeout rules.
    timeout: options.freeSocketTimeoutMs ?? FREE_SOCKET_TIMEOUT_MS,
    scheduling: 'lifo' as const,
  };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  return {
    agentFor(protocol, method) {
      if (!IDEMPOTENT.has(method)) return false;
      return protocol === 'https:' ? https : http;
    },
    mayRetry(method, reusedSocket, error) {
      return (
        reusedSocket &&
        IDEMPOTENT.has(method) &&
        (error.code === 'ECONNRESET' || error.code === 'EPIPE' || error.code === 'ECONNABORTED')
      );
    },
    destroy() {
      http.destroy();
      https.destroy();
    },
  };
}

export interface UpstreamTarget {
  readonly protocol: string;
  readonly hostname: string | undefined;
  readonly port: number | string | undefined;
  readonly auth: string | undefined;
  /** The base URL's path without trailing slashes; the request's path and query follow it. */
  readonly basePath: string;
}

/**
 * An integration URI parsed once, into what http.request reads from a URL object. The request
 * path is then `${basePath}${requestTarget}`: the client's path and query as received
 * (request-target.ts), never re-parsed or normalised.
 */
export function parseUpstream(upstream: string): UpstreamTarget {
  const url = new URL(upstream);
  const options = urlToHttpOptions(url);
  return {
    protocol: url.protocol,
    hostname: options.hostname ?? undefined,
    port: options.port ?? undefined,
    auth: options.auth ?? undefined,
    basePath: url.pathname.replace(/\/+$/, ''),
  };
}

/** Where a request goes, for log lines: the integration's origin and path (no credentials). */
export function upstreamHref(upstream: string, requestTarget: string): string {
  const url = new URL(upstream);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${requestTarget}`;
}
