import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { headersFor, type HeaderRule } from '../scripts/custom-headers.ts';
import { serializeConfig, type RuntimeConfig } from '../scripts/runtime-config.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface StaticApp {
  url: string;
  /** The runtime config this server answers at /config.json (set once the stack is up). */
  config: RuntimeConfig | null;
  /** Response header rules (Amplify's custom header format), applied to every response. */
  headerRules: HeaderRule[];
  close(): Promise<void>;
}

/**
 * Serves the built app like a static host would: files, index.html for app routes, and the
 * runtime config from memory so each server can point the same build at a different stack.
 */
export async function serveApp(dir: string): Promise<StaticApp> {
  const app: StaticApp = { url: '', config: null, headerRules: [], close: async () => undefined };
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [key, value] of Object.entries(headersFor(app.headerRules, path))) {
      res.setHeader(key, value);
    }
    if (path === '/config.json') {
      res.writeHead(app.config ? 200 : 404, { 'content-type': 'application/json' });
      res.end(app.config ? serializeConfig(app.config) : '{}');
      return;
    }
    const asked = normalize(join(dir, path));
    // App routes (no extension) get index.html, as a static host's SPA rewrite does.
    const file = asked.startsWith(dir) && extname(asked) !== '' ? asked : join(dir, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  app.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return app;
}
