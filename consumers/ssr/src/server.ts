import {
  AngularNodeAppEngine,
  createNodeRequestHandler,
  isMainModule,
  writeResponseToNodeResponse,
} from '@angular/ssr/node';
import { readFile } from 'node:fs/promises';
import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

// The server an `ng new --ssr` app gets, on node:http instead of Express: static files from the
// browser build, every other GET rendered by Angular.
const browserDist = join(import.meta.dirname, '../browser');
const engine = new AngularNodeAppEngine();

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ico': 'image/x-icon',
};

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let path: string;
  try {
    path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('malformed URL');
    return;
  }
  const type = TYPES[extname(path)];
  if (type && !path.includes('..')) {
    try {
      const body = await readFile(join(browserDist, path));
      res.writeHead(200, { 'content-type': type }).end(body);
      return;
    } catch {
      // Not a built file: let Angular answer (a 404 page or a route).
    }
  }
  const response = await engine.handle(req);
  if (response) return writeResponseToNodeResponse(response, res);
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}

const handler = (req: IncomingMessage, res: ServerResponse) =>
  void handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });

if (isMainModule(import.meta.url)) {
  const server = createServer(handler);
  server.listen(Number(process.env['PORT'] ?? 4000), '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : '?';
    console.log(`SSR consumer listening on http://127.0.0.1:${port}`);
  });
}

/** What the Angular CLI's dev server and build use. */
export const reqHandler = createNodeRequestHandler(handler);
