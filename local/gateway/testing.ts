// Test helpers of the gateway: a gateway from the local template, and a recording upstream (the
// issuer is the shared test issuer).
import { createServer } from 'node:http';
import { CORS_LAMBDA_FILE, LOCAL_PARAMETERS_FILE, TEMPLATE_FILE } from '../../tools/paths.ts';
import { closeServer, listen } from '../jwt-authorizer/test-issuer.ts';
import { startGateway, type GatewayOptions, type RunningGateway } from './server.ts';
import { loadGatewayConfig } from './template.ts';

export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Upstream {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Records every request; `/slow` never answers, `/hop` answers with a field its Connection header
 * names (hop-by-hop, RFC 9110 §7.6.1), everything else echoes 200 JSON.
 */
export async function startUpstream(): Promise<Upstream> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (req.url?.startsWith('/slow')) return;
      if (req.url?.startsWith('/hop')) {
        res.writeHead(200, { connection: 'x-up-secret', 'x-up-secret': '1', 'x-up-kept': '1' });
        return void res.end('{}');
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        location: '/tasks/1',
      });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, seen, close: () => closeServer(server) };
}

/** The client id the gateway tests' tokens carry, and the origin their gateways allow. */
export const TEST_CLIENT_ID = 'client1';
export const TEST_ORIGIN = 'http://localhost:4200';

/**
 * A real gateway from the local template and parameters on 127.0.0.1:0, running the built CORS
 * Lambda; `flags` are the CLI's (the audience is TEST_CLIENT_ID).
 */
export function startTestGateway(
  flags: { issuer: string; upstream: string; allowedOrigins?: string[] },
  options: Partial<Omit<GatewayOptions, 'config' | 'port' | 'lambdaFile'>> = {},
): Promise<RunningGateway> {
  const config = loadGatewayConfig(TEMPLATE_FILE, LOCAL_PARAMETERS_FILE, {
    ...flags,
    audience: [TEST_CLIENT_ID],
  });
  return startGateway({ config, port: 0, lambdaFile: CORS_LAMBDA_FILE, log: () => {}, ...options });
}
