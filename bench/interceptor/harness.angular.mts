// Angular-side half of the interceptor benchmarks. Not run directly: interceptor.bench.ts bundles
// it with esbuild + the Angular linker (AOT-linked, no JIT), which is how an app would run it.
// App-side code, hence .mts: it imports the library by package name, which only the bundler
// resolves (to dist/), so the Node-side type check (bench/**/*.ts) leaves it out.
import {
  HttpBackend,
  HttpClient,
  HttpErrorResponse,
  HttpHeaders,
  HttpRequest,
  HttpResponse,
  provideHttpClient,
  withInterceptors,
  withInterceptorsFromDi,
  type HttpEvent,
  type HttpHandlerFn,
  type HttpInterceptorFn,
} from '@angular/common/http';
import {
  DOCUMENT,
  EnvironmentInjector,
  Injector,
  PLATFORM_ID,
  createEnvironmentInjector,
  importProvidersFrom,
  runInInjectionContext,
  ɵINJECTOR_SCOPE as INJECTOR_SCOPE,
  ɵNoopNgZone as NoopNgZone,
  NgZone,
  ɵChangeDetectionScheduler as ChangeDetectionScheduler,
  type EnvironmentProviders,
  type Provider,
} from '@angular/core';
import { JwtInterceptor, JwtModule } from '@auth0/angular-jwt';
import { Observable, of } from 'rxjs';
import {
  CognitoTokenSource,
  cognitoAuthInterceptor,
  provideCognitoAuth,
  type CognitoSessionTokens,
} from 'ngx-cognito-gateway';

export const API = 'https://api.example.com/v1';
const OK = new HttpResponse({ status: 200, body: null });

/** A JWT-shaped string (only exp/iat are read client-side), valid for an hour. */
export function fakeJwt(label: string, expiresInSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'k' })}.${part({ sub: label, iat: now, exp: now + expiresInSeconds })}.c2ln`;
}

class CountingSource extends CognitoTokenSource {
  calls = 0;
  refreshes = 0;
  private readonly current: () => string;
  private readonly refreshed: () => string;
  constructor(current: () => string, refreshed: () => string) {
    super();
    this.current = current;
    this.refreshed = refreshed;
  }
  override async fetchTokens(options: { forceRefresh: boolean }): Promise<CognitoSessionTokens> {
    this.calls++;
    if (options.forceRefresh) this.refreshes++;
    // Amplify answers from its own cache or the network: never synchronously.
    await new Promise((resolve) => setImmediate(resolve));
    return { accessToken: options.forceRefresh ? this.refreshed() : this.current() };
  }
}

function environment(providers: Array<Provider | EnvironmentProviders>): EnvironmentInjector {
  return createEnvironmentInjector(
    [
      // A root injector, as bootstrapApplication makes: providedIn 'root' services live here.
      { provide: INJECTOR_SCOPE, useValue: 'root' },
      { provide: PLATFORM_ID, useValue: 'browser' },
      // No views here: HttpClient's pending-task bookkeeping only needs somewhere to notify.
      { provide: NgZone, useValue: new NoopNgZone() },
      {
        provide: ChangeDetectionScheduler,
        useValue: { notify: () => undefined, runningTick: false },
      },
      {
        provide: DOCUMENT,
        useValue: {
          baseURI: 'http://localhost:4200/',
          location: { origin: 'http://localhost:4200' },
        },
      },
      ...providers,
    ],
    Injector.NULL as EnvironmentInjector,
  );
}

const immediate: HttpHandlerFn = () => of(OK);
const sink = {
  next: () => undefined,
  error: (e: unknown) => {
    throw e;
  },
};

export interface Cases {
  /**
   * Each call runs one request through the interceptor with a `next` that answers at once. Like
   * Angular's chain: a functional interceptor (the floor, ours) inside `runInInjectionContext` of
   * the environment injector, a DI-class one (angular-jwt) called as it is.
   */
  readonly direct: Record<'floor' | 'ours' | 'angularJwt', () => void>;
  /** Each call runs one request through Angular's real HttpClient with an immediate backend. */
  readonly httpClient: Record<'floor' | 'ours' | 'angularJwt', () => void>;
  readonly tokenFetches: () => number;
}

export function createCases(): Cases {
  const token = fakeJwt('bench');
  const floor: HttpInterceptorFn = (req, next) =>
    next(req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }));
  const source = new CountingSource(
    () => token,
    () => token,
  );
  const backend: Provider = { provide: HttpBackend, useValue: { handle: () => of(OK) } };
  const oursEnv = environment([
    provideCognitoAuth({ allowedUrls: [API] }),
    { provide: CognitoTokenSource, useValue: source },
  ]);
  const jwtModule = importProvidersFrom(
    JwtModule.forRoot({
      config: { tokenGetter: () => token, allowedDomains: ['api.example.com'] },
    }),
  );
  const jwtEnv = environment([jwtModule, JwtInterceptor]);
  const jwt = jwtEnv.get(JwtInterceptor);
  const req = new HttpRequest('GET', `${API}/tasks`);
  const jwtNext = { handle: immediate };

  const clientWith = (providers: Array<Provider | EnvironmentProviders>) =>
    environment(providers).get(HttpClient);
  const floorClient = clientWith([provideHttpClient(withInterceptors([floor])), backend]);
  const oursClient = clientWith([
    provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
    backend,
    provideCognitoAuth({ allowedUrls: [API] }),
    { provide: CognitoTokenSource, useValue: source },
  ]);
  const jwtClient = clientWith([provideHttpClient(withInterceptorsFromDi()), backend, jwtModule]);
  const get = (client: HttpClient) => () => {
    client.get(`${API}/tasks`).subscribe(sink);
  };

  return {
    direct: {
      // Angular calls every functional interceptor inside runInInjectionContext; the floor pays
      // that too when it runs in the chain, so it runs in the same injection context as ours.
      floor: () => {
        runInInjectionContext(oursEnv, () => floor(req, immediate)).subscribe(sink);
      },
      ours: () => {
        runInInjectionContext(oursEnv, () => cognitoAuthInterceptor(req, immediate)).subscribe(
          sink,
        );
      },
      angularJwt: () => {
        jwt.intercept(req, jwtNext).subscribe(sink);
      },
    },
    httpClient: { floor: get(floorClient), ours: get(oursClient), angularJwt: get(jwtClient) },
    tokenFetches: () => source.calls,
  };
}

/** Warms the cache so the measured calls are the signed-in steady state. */
export async function warm(cases: Cases): Promise<void> {
  cases.direct.ours();
  cases.httpClient.ours();
  await new Promise((resolve) => setTimeout(resolve, 10));
}

export interface StormResult {
  readonly refreshes: number;
  readonly sends: number;
  readonly retries: number;
  readonly failures: number;
}

/**
 * `count` concurrent HttpClient requests. With `expired`, the API rejects the session's token
 * once (it was revoked/expired server-side while the client still held it) and accepts the
 * refreshed one; otherwise every request goes through with the valid token.
 */
export async function storm(count: number, expired: boolean): Promise<StormResult> {
  const stale = fakeJwt('stale');
  const fresh = fakeJwt('fresh');
  const source = new CountingSource(
    () => (expired ? stale : fresh),
    () => fresh,
  );
  let sends = 0;
  let retries = 0;
  const backend: Provider = {
    provide: HttpBackend,
    useValue: {
      handle: (request: HttpRequest<unknown>) =>
        new Observable<HttpEvent<unknown>>((subscriber) => {
          sends++;
          const auth = request.headers.get('Authorization');
          if (auth === `Bearer ${fresh}` && expired) retries++;
          // Answer on a later macrotask, like a network would.
          const timer = setImmediate(() => {
            if (auth === `Bearer ${stale}`) {
              subscriber.error(new HttpErrorResponse({ status: 401, headers: new HttpHeaders() }));
            } else {
              subscriber.next(OK);
              subscriber.complete();
            }
          });
          return () => clearImmediate(timer);
        }),
    },
  };
  const client = environment([
    provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
    backend,
    provideCognitoAuth({ allowedUrls: [API] }),
    { provide: CognitoTokenSource, useValue: source },
  ]).get(HttpClient);
  let failures = 0;
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve) =>
          client.get(`${API}/tasks`).subscribe({
            complete: resolve,
            error: () => {
              failures++;
              resolve();
            },
          }),
        ),
    ),
  );
  return { refreshes: source.refreshes, sends, retries, failures };
}
