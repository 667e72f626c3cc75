// A stand-in API for consumer apps: answers JSON on 127.0.0.1 and records, for every request, who
// sent it and with which headers, so a test can tell server-side requests (Node's fetch sends no
// Origin, and its own user agent) from the browser's (cross-origin ones always with Origin).
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly origin: string | undefined;
  readonly headers: IncomingHttpHeaders;
}

export interface RecordingApi {
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** The only Origin that gets CORS headers; set once the app's server is up. */
  allowOrigin: string;
  close(): Promise<void>;
}

type Route = (request: RecordedRequest, count: number) => unknown;

/** `routes`: path → JSON body, given the request and how many times that path was asked for. */
export async function startRecordingApi(routes: Record<string, Route>): Promise<RecordingApi> {
  const requests: RecordedRequest[] = [];
  const counts = new Map<string, number>();
  const api = { requests, allowOrigin: '' } as {
    -readonly [K in keyof RecordingApi]: RecordingApi[K];
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (origin && origin === api.allowOrigin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET');
      res.setHeader('access-control-allow-headers', 'authorization, x-api-token');
      res.writeHead(204).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const request = {
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
      origin,
      headers: req.headers,
    };
    requests.push(request);
    const route = routes[path];
    if (req.method !== 'GET' || !route) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      return;
    }
    const count = (counts.get(path) ?? 0) + 1;
    counts.set(path, count);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(route(request, count)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return api as RecordingApi;
}
