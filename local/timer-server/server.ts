import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadTimerSchemas } from '../../lambda/timer-api/core/schema.ts';
import { DEFAULT_MAX_TASKS_PER_OWNER } from '../../lambda/timer-api/core/task-store.ts';
import { createTimerApp } from './app.ts';
import { noAuthentication, tokenAuthentication, type TokenAuthOptions } from './authenticate.ts';
import { answerRefusals } from './refusals.ts';
import { openTaskStore } from './store.ts';

export interface TimerServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** SQLite file or `:memory:`. */
  db: string;
  /**
   * How callers are told apart. A token issuer: every request needs a valid access token and
   * sees only its `sub`'s tasks. 'insecure-no-auth': no check, one owner for every task (for
   * trying the API by hand; never behind a public URL).
   */
  auth: TokenAuthOptions | 'insecure-no-auth';
  /** Most tasks one user may have (default 1000); create answers 409 past it. */
  maxTasksPerUser?: number;
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
  const log = (line: string) => console.error(line);
  const store = openTaskStore(options.db, {
    maxTasksPerOwner: options.maxTasksPerUser ?? DEFAULT_MAX_TASKS_PER_OWNER,
  });
  if (store.ownerless > 0) {
    log(
      `timer-server: ${store.ownerless} task(s) in ${options.db} were stored before tasks had owners; they are kept but shown to no one, since no token can prove whose they are`,
    );
  }
  const authenticate =
    options.auth === 'insecure-no-auth'
      ? noAuthentication()
      : tokenAuthentication({ log, ...options.auth });
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
    createTimerApp(store, schemas, authenticate),
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
