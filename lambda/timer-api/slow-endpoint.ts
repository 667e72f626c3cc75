// For tests: an HTTP endpoint in front of another (dynalite) that holds every request for `delayMs`
// before passing it on, so the stores and the Lambda can be tried with a slow network between them
// and DynamoDB, where concurrent requests overlap far more.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowEndpoint {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function slowEndpoint(target: string, delayMs: number): Promise<SlowEndpoint> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      setTimeout(() => {
        const upstream = request(
          {
            host: to.hostname,
            port: to.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => res.destroy());
        upstream.end(Buffer.concat(chunks));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
