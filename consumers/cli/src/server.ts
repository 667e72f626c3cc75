import {
  AngularNodeAppEngine,
  createNodeRequestHandler,
  isMainModule,
  writeResponseToNodeResponse,
} from '@angular/ssr/node';
import express from 'express';
import { join } from 'node:path';

const browserDistFolder = join(import.meta.dirname, '../browser');

const app = express();
const angularApp = new AngularNodeAppEngine();

/**
 * The app's own API under /api, passed on to the API service, as a same-origin proxy (an Amplify
 * Hosting rewrite, a CloudFront behaviour) would. The caller's token header and user agent go
 * along, so the API service sees who asked.
 */
const apiOrigin = process.env['API_ORIGIN'] || 'http://127.0.0.1:9';
app.get('/api/{*splat}', (req, res, next) => {
  const headers: Record<string, string> = {};
  for (const name of ['x-api-token', 'authorization', 'user-agent']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  fetch(`${apiOrigin}${req.originalUrl}`, { headers })
    .then(async (answer) => {
      res.status(answer.status).type(answer.headers.get('content-type') ?? 'text/plain');
      res.send(await answer.text());
    })
    .catch(next);
});

/**
 * Serve static files from /browser
 */
app.use(
  express.static(browserDistFolder, {
    maxAge: '1y',
    index: false,
    redirect: false,
  }),
);

/**
 * Handle all other requests by rendering the Angular application.
 */
app.use((req, res, next) => {
  angularApp
    .handle(req)
    .then((response) => (response ? writeResponseToNodeResponse(response, res) : next()))
    .catch(next);
});

/**
 * Start the server if this module is the main entry point, or it is ran via PM2.
 * The server listens on the port defined by the `PORT` environment variable, or defaults to 4000.
 */
if (isMainModule(import.meta.url) || process.env['pm_id']) {
  const port = Number(process.env['PORT'] || 4000);
  const server = app.listen(port, '127.0.0.1', (error) => {
    if (error) {
      throw error;
    }
    const address = server.address();
    const listening = typeof address === 'object' && address ? address.port : port;
    console.log(`Node Express server listening on http://127.0.0.1:${listening}`);
  });
}

/**
 * Request handler used by the Angular CLI (for dev-server and during build) or Firebase Cloud Functions.
 */
export const reqHandler = createNodeRequestHandler(app);
