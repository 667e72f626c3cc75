import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTimerApp } from './app.ts';
import { answerRefusals } from './refusals.ts';
import { loadTimerSchemas } from './schema.ts';
import { openTaskStore } from './store.ts';

export interface TimerServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** SQLite file or `:memory:`. */
  db: string;
  /** Whole-request deadline (headers + body); Node answers 408 past it. Default 30 s. */
  requestTimeoutMs?: number;
}

export interface RunningTimerServer {
  readonly url: string;
  readonly server: Server;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then closes the db. */
  close(graceMs?: number): Promise<void>;
}

export async function startTimerServer(options: TimerServerOptions): Promise<RunningTimerServer> {
  const schemas = loadTimerSchemas();
  const store = openTaskStore(options.db);
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const headersTimeout = Math.min(requestTimeout, 10_000);
  const server = createServer(
    {
      requestTimeout,
      headersTimeout,
      // How often Node checks the two timeouts above (default 30 s would make them coarse).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, requestTimeout / 4)),
      // The app checks Host itself (app.ts hostProblem), to answer with a problem body.
      requireHostHeader: false,
    },
    createTimerApp(store, schemas),
  );
  answerRefusals(server, { headersMs: headersTimeout, requestMs: requestTimeout });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close(graceMs = 5000) {
      closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        // Keep-alive sockets turn idle once their in-flight response is done: close them then.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        server.close(() => {
          clearTimeout(force);
          clearInterval(sweep);
          store.close();
          resolve();
        });
      });
      return closing;
    },
  };
}
