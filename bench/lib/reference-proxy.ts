// `node bench/lib/reference-proxy.ts UPSTREAM_URL`: the least a Node reverse proxy can do per
// request (keep-alive pool, headers as they are, bodies piped; no auth, CORS, limits or
// timeouts). The gateway benchmark measures it in the same run as the ceiling for any
// single-process Node proxy on the machine: the gateway cannot be faster than this.
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

const upstream = new URL(process.argv[2] ?? '');
const agent = new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 256 });
const server = createServer((req, res) => {
  const up = request(
    {
      hostname: upstream.hostname,
      port: upstream.port,
      path: req.url,
      method: req.method,
      headers: req.headers,
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  up.on('error', () => {
    if (!res.headersSent) res.writeHead(503);
    res.end();
  });
  req.pipe(up);
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => process.exit(0));
