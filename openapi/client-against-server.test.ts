// The built client (dist/…/ngx-cognito-gateway-timer.mjs, as apps get it) against the real
// reference server over HTTP: both sides of the contract agree on every endpoint. And against a
// stand-in for the legacy Timer Service, for what HttpClient's real backend does with its replies. `npm test`
// builds the library before the Node suites; run `npm run build:lib` first when running alone.
import '@angular/compiler'; // JIT-links the library's partial declarations (TimerClientModule)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  createEnvironmentInjector,
  Injector,
  NgZone,
  type EnvironmentInjector,
  type Type,
  ɵChangeDetectionScheduler,
  ɵINJECTOR_SCOPE,
  ɵNoopNgZone,
} from '@angular/core';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { firstValueFrom, type Observable } from 'rxjs';
import { LIBRARY_DIST } from '../tools/paths.ts';
import { VALID_DRAFT } from '../lambda/timer-api/core/drafts.fixture.ts';
import { startIssuer, type TestIssuer } from '../local/jwt-authorizer/test-issuer.ts';
import { BACKEND_KINDS, startBackend, type Backend } from './backends.ts';

const BUNDLE = join(LIBRARY_DIST, 'fesm2022', 'ngx-cognito-gateway-timer.mjs');
const built = existsSync(BUNDLE);

interface Task {
  id: string;
  name: string;
  description?: string;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}
interface TimerClient {
  list(): Observable<Task[]>;
  listPage(page?: {
    limit?: number;
    cursor?: string;
  }): Observable<{ tasks: Task[]; next?: string }>;
  get(id: string): Observable<Task>;
  create(draft: object): Observable<Task>;
  update(id: string, task: object, options?: { ifMatch?: '*' }): Observable<Task>;
  delete(id: string): Observable<void>;
}
interface TimerEntry {
  TimerClient: Type<TimerClient>;
  provideTimerClient(config: { baseUrl: string }): never;
  TimerClientModule: { forRoot(config: { baseUrl: string }): { providers: never[] } };
  TimerApiError: new (...args: never[]) => Error & { status: number };
  TimerNotFoundError: new (...args: never[]) => Error;
  TimerForbiddenError: new (...args: never[]) => Error;
  TimerValidationError: new (...args: never[]) => Error & { fieldErrors: unknown[] };
  TimerNetworkError: new (...args: never[]) => Error & { status: number };
}

/** Just enough of an Angular app for HttpClient outside a browser (private APIs, tests only). */
/** The bearer token every request carries (what the library's interceptor adds in an app). */
let authorization = '';

function clientFor(entry: TimerEntry, baseUrl: string, wiring: 'provide' | 'module' = 'provide') {
  const root = Injector.create({
    providers: [{ provide: NgZone, useClass: ɵNoopNgZone }],
  }) as unknown as EnvironmentInjector;
  const injector = createEnvironmentInjector(
    [
      { provide: ɵINJECTOR_SCOPE, useValue: 'root' },
      { provide: ɵChangeDetectionScheduler, useValue: { notify() {}, runningTick: false } },
      provideHttpClient(
        withFetch(),
        withInterceptors([
          (req, next) => next(authorization ? req.clone({ setHeaders: { authorization } }) : req),
        ]),
      ),
      wiring === 'provide'
        ? entry.provideTimerClient({ baseUrl })
        : entry.TimerClientModule.forRoot({ baseUrl }).providers,
    ],
    root,
  );
  return { client: injector.get(entry.TimerClient), injector };
}

const last = <T>(source: Observable<T>) => firstValueFrom(source, { defaultValue: undefined as T });
async function rejection(source: Observable<unknown>): Promise<unknown> {
  return last(source).then(
    () => assert.fail('expected an error'),
    (error: unknown) => error,
  );
}

for (const kind of BACKEND_KINDS)
  describe(
    `built Timer client against the ${kind} backend`,
    { skip: !built && 'run npm run build:lib first' },
    () => {
      let entry: TimerEntry;
      let server: Backend;
      let issuer: TestIssuer;
      before(async () => {
        entry = (await import(BUNDLE)) as TimerEntry;
        issuer = await startIssuer();
        server = await startBackend(kind, {
          issuer: issuer.issuer,
          audience: ['client-1'],
          scopes: [],
        });
        const token = await issuer.accessToken({ sub: 'client-user', client_id: 'client-1' });
        authorization = `Bearer ${token}`;
      });
      after(async () => {
        authorization = '';
        await server?.close();
        await issuer?.close();
      });

      it('agrees on every endpoint, both wirings', async () => {
        for (const wiring of ['provide', 'module'] as const) {
          const { client, injector } = clientFor(entry, `${server.url}/`, wiring);
          try {
            const created = await last(client.create(VALID_DRAFT));
            assert.match(created.id, /^[0-9a-f-]{36}$/);
            assert.equal(created.name, VALID_DRAFT.name);
            assert.deepEqual(await last(client.get(created.id)), created);
            assert.ok((await last(client.list())).some((t) => t.id === created.id));
            // The pages: the client reads the next cursor from Link, and list() follows them all.
            const more = await last(client.create(VALID_DRAFT));
            const first = await last(client.listPage({ limit: 1 }));
            assert.deepEqual(
              first.tasks.map((t) => t.id),
              [created.id],
            );
            assert.ok(first.next, 'a next cursor from Link');
            const second = await last(client.listPage({ limit: 1, cursor: first.next }));
            assert.deepEqual(
              second.tasks.map((t) => t.id),
              [more.id],
            );
            const altered = await rejection(client.listPage({ cursor: `${first.next}x` }));
            assert.ok(altered instanceof entry.TimerValidationError, String(altered));
            assert.equal(await last(client.delete(more.id)), null);

            // A fetched task goes straight back into update(): the client drops server-owned fields.
            const fetched = await last(client.get(created.id));
            const updated = await last(
              client.update(created.id, { ...fetched, name: 'Renamed', description: undefined }),
            );
            assert.equal(updated.id, created.id);
            assert.equal(updated.name, 'Renamed');
            assert.equal(updated.description, undefined);
            assert.equal(updated.createdAt, created.createdAt);

            assert.equal(await last(client.delete(created.id)), null);
            for (const gone of [
              client.get(created.id),
              client.delete(created.id),
              client.update(created.id, { ...VALID_DRAFT, version: 2 }),
            ]) {
              const error = await rejection(gone);
              assert.ok(error instanceof entry.TimerNotFoundError, String(error));
              assert.equal((error as unknown as { status: number }).status, 404);
            }
          } finally {
            injector.destroy();
          }
        }
      });

      it('refuses an invalid draft on the client without reaching the server', async () => {
        const { client, injector } = clientFor(entry, server.url);
        try {
          const before = (await last(client.list())).length;
          const error = await rejection(
            client.create({ ...VALID_DRAFT, daysOfWeek: ['MON', 'MON'], hour: 24 }),
          );
          assert.ok(error instanceof entry.TimerValidationError);
          assert.deepEqual(
            (error as { fieldErrors: { field: string }[] }).fieldErrors.map((e) => e.field).sort(),
            ['daysOfWeek', 'hour'],
          );
          assert.equal((await last(client.list())).length, before);
        } finally {
          injector.destroy();
        }
      });

      it('reports a server that is not there as TimerNetworkError with status 0', async () => {
        // A port that was free a moment ago: nothing listens on it.
        const port = await new Promise<number>((resolve) => {
          const probe = createServer().listen(0, '127.0.0.1', () => {
            const { port } = probe.address() as { port: number };
            probe.close(() => resolve(port));
          });
        });
        const { client, injector } = clientFor(entry, `http://127.0.0.1:${port}`);
        try {
          const error = await rejection(client.list());
          assert.ok(error instanceof entry.TimerNetworkError, String(error));
          assert.equal((error as unknown as { status: number }).status, 0);
        } finally {
          injector.destroy();
        }
      });
    },
  );

describe(
  'built Timer client against a legacy-style Timer Service',
  { skip: !built && 'run npm run build:lib first' },
  () => {
    // What the existing service sends: every error a 500 with {exceptionType, code, error}, here as
    // text/plain, and 200 with no body after PUT and DELETE.
    const TASK = { ...VALID_DRAFT, id: 't1', createdAt: '2026-01-01T00:00:00Z' };
    const legacy = createHttpServer((req, res) => {
      const route = `${req.method} ${req.url}`;
      req.resume().on('end', () => {
        if (route === 'GET /tasks/t1') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(TASK));
        } else if (route === 'PUT /tasks/t1' || route === 'DELETE /tasks/t1') {
          res.writeHead(200).end();
        } else {
          const denied = req.url === '/tasks/secret';
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(
            JSON.stringify({
              exceptionType: denied
                ? 'org.springframework.security.authorization.AuthorizationDeniedException'
                : 'java.util.NoSuchElementException',
              code: 'E',
              error: denied ? 'Access Denied' : 'No value present',
            }),
          );
        }
      });
    });
    let entry: TimerEntry;
    let url: string;
    before(async () => {
      entry = (await import(BUNDLE)) as TimerEntry;
      await new Promise<void>((resolve) => legacy.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(legacy.address() as AddressInfo).port}`;
    });
    after(() => legacy.close());

    it('maps its 500 text/plain bodies by exceptionType, and takes 200 with no body as success', async () => {
      const { client, injector } = clientFor(entry, url);
      try {
        const missing = await rejection(client.get('t2'));
        assert.ok(missing instanceof entry.TimerNotFoundError, String(missing));
        assert.equal((missing as Error & { status: number }).status, 500);
        assert.equal((missing as Error).message, 'No value present');
        const denied = await rejection(client.delete('secret'));
        assert.ok(denied instanceof entry.TimerForbiddenError, String(denied));

        // PUT's empty 200 is followed by a GET that reads the stored task back.
        assert.deepEqual(await last(client.update('t1', VALID_DRAFT, { ifMatch: '*' })), TASK);
        assert.equal(await last(client.delete('t1')), null);
      } finally {
        injector.destroy();
      }
    });
  },
);
