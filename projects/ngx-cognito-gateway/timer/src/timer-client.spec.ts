import { HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, Observable } from 'rxjs';
import {
  cognitoAuthInterceptor,
  NotSignedInError,
  provideCognitoAuth,
  TokenRefreshError,
} from 'ngx-cognito-gateway';
import {
  CognitoAuthTestingOptions,
  FakeCognitoTokenSource,
  provideCognitoAuthTesting,
} from 'ngx-cognito-gateway/testing';
import {
  provideTimerClient,
  Task,
  TaskDraft,
  TimerApiError,
  TimerClient,
  TimerClientModule,
  TimerForbiddenError,
  TimerConflictError,
  TimerPreconditionFailedError,
  TimerPreconditionRequiredError,
  TimerNetworkError,
  TimerNotFoundError,
  TimerServerError,
  TimerUnauthorizedError,
  TimerValidationError,
} from 'ngx-cognito-gateway/timer';

const API = 'https://api.example.com/prod';
/** What list() asks for first: the first page, as many tasks as a page may hold. */
const LIST = `${API}/tasks?limit=100`;
const DRAFT: TaskDraft = {
  name: 'Nightly backup',
  hour: 2,
  minute: 30,
  daysOfWeek: ['MON', 'FRI'],
  executionCommand: 'backup --all',
  executeUntil: '2030-01-31T18:00:00+01:00',
};
const TASK: Task = {
  ...DRAFT,
  id: 'b7f1c3f4-5d0e-4a43-9d6b-2f1c1d0e9a11',
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  version: 3,
};

let client: TimerClient;
let backend: HttpTestingController;

function setUp(wiring: 'standalone' | 'ngmodule' = 'standalone', baseUrl = API) {
  TestBed.configureTestingModule(
    wiring === 'standalone'
      ? {
          providers: [
            provideHttpClient(),
            provideHttpClientTesting(),
            provideTimerClient({ baseUrl }),
          ],
        }
      : {
          imports: [TimerClientModule.forRoot({ baseUrl })],
          providers: [provideHttpClient(), provideHttpClientTesting()],
        },
  );
  client = TestBed.inject(TimerClient);
  backend = TestBed.inject(HttpTestingController);
}

/** Subscribes, and resolves with the value or rejects with the error. */
function settle<T>(source: Observable<T>): Promise<T> {
  return firstValueFrom(source, { defaultValue: undefined as T });
}

async function failure(source: Observable<unknown>): Promise<unknown> {
  try {
    await settle(source);
  } catch (error) {
    return error;
  }
  throw new Error('expected the observable to fail');
}

afterEach(() => backend?.verify());

describe('TimerClient requests', () => {
  beforeEach(() => setUp());

  it('list() GETs /tasks and emits the tasks', async () => {
    const result = settle(client.list());
    const req = backend.expectOne(LIST);
    expect(req.request.method).toBe('GET');
    expect(req.request.body).toBeNull();
    req.flush([TASK]);
    expect(await result).toEqual([TASK]);
  });

  it('list() follows every next link, 100 tasks a page, and emits all the tasks once', async () => {
    const result = settle(client.list());
    const first = backend.expectOne(LIST);
    first.flush([TASK], { headers: { link: '</tasks?limit=100&cursor=c1>; rel="next"' } });
    const second = backend.expectOne(`${API}/tasks?limit=100&cursor=c1`);
    const other = { ...TASK, id: 'second' };
    second.flush([other]);
    expect(await result).toEqual([TASK, other]);
  });

  it('listPage() asks for a limit and a cursor, and gives the next cursor from Link', async () => {
    const result = settle(client.listPage({ limit: 2, cursor: 'abc' }));
    const req = backend.expectOne(`${API}/tasks?limit=2&cursor=abc`);
    expect(req.request.method).toBe('GET');
    req.flush([TASK], { headers: { link: '</tasks?limit=2&cursor=def>; rel="next"' } });
    expect(await result).toEqual({ tasks: [TASK], next: 'def' });
    const last = settle(client.listPage());
    backend.expectOne(`${API}/tasks`).flush([TASK]);
    expect(await last).toEqual({ tasks: [TASK] });
  });

  it('listPage() refuses a limit outside 1–100 before sending anything', async () => {
    for (const limit of [0, 101, 1.5, NaN]) {
      const error = (await failure(client.listPage({ limit }))) as TimerValidationError;
      expect(error).withContext(String(limit)).toBeInstanceOf(TimerValidationError);
      expect(error.fieldErrors.map((e) => e.field)).toEqual(['limit']);
    }
    backend.expectNone(() => true);
  });

  it('get(id) GETs /tasks/{id}, encoding the id', async () => {
    const result = settle(client.get('a/b c'));
    const req = backend.expectOne(`${API}/tasks/a%2Fb%20c`);
    expect(req.request.method).toBe('GET');
    req.flush(TASK);
    expect(await result).toEqual(TASK);
  });

  it('create(draft) POSTs the draft as JSON and emits the created task', async () => {
    const result = settle(client.create(DRAFT));
    const req = backend.expectOne(`${API}/tasks`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(DRAFT);
    expect(req.request.detectContentTypeHeader()).toBe('application/json');
    req.flush(TASK, {
      status: 201,
      statusText: 'Created',
      headers: { location: `/tasks/${TASK.id}` },
    });
    expect(await result).toEqual(TASK);
  });

  it('update(id, task) PUTs only the draft fields of a fetched task', async () => {
    const result = settle(client.update(TASK.id, { ...TASK, name: 'Renamed' }));
    const req = backend.expectOne(`${API}/tasks/${TASK.id}`);
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ ...DRAFT, name: 'Renamed' });
    // The version read is sent back, so a change made elsewhere since is not overwritten.
    expect(req.request.headers.get('if-match')).toBe('"3"');
    const updated = { ...TASK, name: 'Renamed', updatedAt: '2026-11-22T11:00:00.000Z', version: 4 };
    req.flush(updated);
    expect(await result).toEqual(updated);
  });

  it('update(id, draft) without a version sends nothing: the API takes no PUT without If-Match', async () => {
    const error = (await failure(client.update(TASK.id, DRAFT))) as TimerValidationError;
    expect(error).toBeInstanceOf(TimerValidationError);
    expect(error.fieldErrors.map((e) => e.field)).toEqual(['version']);
    for (const version of [undefined, 1.5, '3', NaN]) {
      const task = { ...TASK, version } as unknown as Task;
      expect(await failure(client.update(TASK.id, task)))
        .withContext(String(version))
        .toBeInstanceOf(TimerValidationError);
    }
    backend.expectNone(() => true);
  });

  it('a stale version fails update() with TimerPreconditionFailedError and nothing else is sent', async () => {
    const result = failure(client.update(TASK.id, { ...TASK, name: 'Mine' }));
    backend.expectOne({ method: 'PUT', url: `${API}/tasks/${TASK.id}` }).flush(
      { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'changed' },
      {
        status: 412,
        statusText: 'Precondition Failed',
      },
    );
    const error = await result;
    expect(error).toBeInstanceOf(TimerPreconditionFailedError);
    expect((error as TimerApiError).name).toBe('TimerPreconditionFailedError');
    expect((error as TimerApiError).status).toBe(412);
    backend.verify();
  });

  it('delete(id, task) sends the version as If-Match', async () => {
    const result = settle(client.delete(TASK.id, TASK));
    const req = backend.expectOne({ method: 'DELETE', url: `${API}/tasks/${TASK.id}` });
    expect(req.request.headers.get('if-match')).toBe('"3"');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await expectAsync(result).toBeResolved();
  });

  it("update(id, draft, { ifMatch: '*' }) replaces whatever version is stored (a backend without versions)", async () => {
    const result = settle(client.update(TASK.id, DRAFT, { ifMatch: '*' }));
    const req = backend.expectOne({ method: 'PUT', url: `${API}/tasks/${TASK.id}` });
    expect(req.request.headers.get('if-match')).toBe('*');
    expect(req.request.body).toEqual(DRAFT);
    req.flush(TASK);
    expect(await result).toEqual(TASK);
  });

  it('update() tolerates the legacy 200 with an empty body by reading the task back', async () => {
    const result = settle(client.update(TASK.id, TASK));
    backend.expectOne({ method: 'PUT', url: `${API}/tasks/${TASK.id}` }).flush('');
    const read = backend.expectOne({ method: 'GET', url: `${API}/tasks/${TASK.id}` });
    read.flush(TASK);
    expect(await result).toEqual(TASK);
  });

  it('delete(id) DELETEs /tasks/{id} and completes on 204', async () => {
    let completed = false;
    const result = settle(client.delete(TASK.id)).then(() => (completed = true));
    const req = backend.expectOne(`${API}/tasks/${TASK.id}`);
    expect(req.request.method).toBe('DELETE');
    expect(req.request.headers.has('if-match')).toBeFalse();
    req.flush(null, { status: 204, statusText: 'No Content' });
    await result;
    expect(completed).toBeTrue();
  });

  it('delete(id) tolerates the legacy 200 with an empty body', async () => {
    const result = settle(client.delete(TASK.id));
    backend.expectOne(`${API}/tasks/${TASK.id}`).flush('');
    await expectAsync(result).toBeResolved();
  });

  it('sends nothing until subscribed (cold observables)', () => {
    client.list();
    client.create(DRAFT);
    backend.expectNone(() => true);
  });
});

describe('TimerClient client-side validation', () => {
  beforeEach(() => setUp());

  it('fails create() with TimerValidationError and sends no request', async () => {
    const error = await failure(client.create({ ...DRAFT, name: '', hour: 24 }));
    expect(error).toBeInstanceOf(TimerValidationError);
    const validation = error as TimerValidationError;
    expect(validation.name).toBe('TimerValidationError');
    expect(validation.status).toBe(400);
    expect(validation.fieldErrors.map((e) => e.field).sort()).toEqual(['hour', 'name']);
    backend.expectNone(() => true);
  });

  it('fails update() the same way and sends no request', async () => {
    const error = await failure(client.update(TASK.id, { ...TASK, daysOfWeek: [] }));
    expect((error as TimerValidationError).fieldErrors).toEqual([
      { field: 'daysOfWeek', message: 'count must be ≥ 1' },
    ]);
    backend.expectNone(() => true);
  });

  // A missing draft is refused too, never sent as a bodiless POST or PUT.
  for (const draft of [null, undefined, '', 0, [], [DRAFT], 'name=x']) {
    it(`refuses create and update with ${JSON.stringify(draft) ?? 'undefined'} as the draft, sending nothing`, async () => {
      for (const call of [
        client.create(draft as unknown as TaskDraft),
        client.update(TASK.id, draft as unknown as TaskDraft),
      ]) {
        const error = (await failure(call)) as TimerValidationError;
        expect(error).toBeInstanceOf(TimerValidationError);
        expect(error.fieldErrors).toEqual([{ field: '', message: 'must be of type object' }]);
      }
      backend.expectNone(() => true);
    });
  }

  it('reports fields the contract does not know (besides the server-owned ones it drops)', async () => {
    const draft = { ...DRAFT, priority: 3 } as TaskDraft;
    const error = (await failure(client.create(draft))) as TimerValidationError;
    expect(error.fieldErrors).toEqual([{ field: 'priority', message: 'is not allowed' }]);
    backend.expectNone(() => true);
  });
});

describe('TimerClient ids', () => {
  beforeEach(() => setUp());

  // '', '.', '..' would build tasks/, tasks/. and tasks/..: URL resolution makes them the
  // collection, the collection and the API root (DELETE of the base URL). A lone surrogate cannot
  // be percent-encoded; a non-string would be sent as "undefined", "null"…
  const unusable: unknown[] = ['', '.', '..', '\uD800', 'a\uDC00', undefined, null, 7, {}];
  for (const id of unusable) {
    it(`refuses id ${JSON.stringify(id) ?? 'undefined'} on get, update and delete, sending nothing`, async () => {
      const calls = [
        client.get(id as string),
        client.update(id as string, TASK),
        client.delete(id as string),
      ];
      for (const call of calls) {
        const error = (await failure(call)) as TimerValidationError;
        expect(error).toBeInstanceOf(TimerValidationError);
        expect(error.status).toBe(400);
        expect(error.fieldErrors).toEqual([{ field: 'id', message: 'is not a valid id' }]);
      }
      backend.expectNone(() => true);
    });
  }

  it('reports a bad id and a bad draft together', async () => {
    const error = (await failure(
      client.update('..', { ...TASK, hour: -1 }),
    )) as TimerValidationError;
    expect(error.fieldErrors.map((e) => e.field)).toEqual(['id', 'hour']);
    backend.expectNone(() => true);
  });

  // Resolved by the browser's own URL parser: the id comes back as the one segment under /tasks/.
  const usable = ['...', '.a', 'a.', ' ', '%2e%2e', '%2E', 'a/../b', '?q=1#f', '\\..', '😀', 'é'];
  for (const id of usable) {
    it(`sends id ${JSON.stringify(id)} as one path segment under /tasks/`, async () => {
      const result = settle(client.delete(id));
      const req = backend.expectOne(() => true);
      const url = new URL(req.request.url);
      expect(url.pathname.startsWith('/prod/tasks/')).toBeTrue();
      const segments = url.pathname.slice('/prod/tasks/'.length).split('/');
      expect(segments.map(decodeURIComponent)).toEqual([id]);
      expect(url.search + url.hash).toBe('');
      req.flush(null, { status: 204, statusText: 'No Content' });
      await result;
    });
  }
});

describe('TimerClient error mapping over HTTP', () => {
  beforeEach(() => setUp());

  const problem = (status: number, title: string, extra: object = {}) => ({
    type: 'about:blank',
    title,
    status,
    detail: `${title} detail`,
    ...extra,
  });

  it('maps a 400 problem with errors to TimerValidationError(fieldErrors)', async () => {
    const errors = [{ field: 'name', message: 'length must be ≤ 100' }];
    const result = failure(client.list());
    backend
      .expectOne(LIST)
      .flush(problem(400, 'Invalid task', { errors }), { status: 400, statusText: 'Bad Request' });
    const error = (await result) as TimerValidationError;
    expect(error).toBeInstanceOf(TimerValidationError);
    expect(error.fieldErrors).toEqual(errors);
    expect(error.message).toBe('Invalid task detail');
    expect(error.status).toBe(400);
  });

  it('maps a 400 invalid-JSON problem (no errors) to TimerValidationError with none', async () => {
    const result = failure(client.list());
    backend
      .expectOne(LIST)
      .flush(problem(400, 'Invalid JSON'), { status: 400, statusText: 'Bad Request' });
    expect(((await result) as TimerValidationError).fieldErrors).toEqual([]);
  });

  const byStatus: [number, string, new (...args: never[]) => TimerApiError, string][] = [
    [401, 'Unauthorized', TimerUnauthorizedError, 'TimerUnauthorizedError'],
    [403, 'Forbidden', TimerForbiddenError, 'TimerForbiddenError'],
    [404, 'Not Found', TimerNotFoundError, 'TimerNotFoundError'],
    [409, 'Conflict', TimerConflictError, 'TimerConflictError'],
    [412, 'Precondition Failed', TimerPreconditionFailedError, 'TimerPreconditionFailedError'],
    [
      428,
      'Precondition Required',
      TimerPreconditionRequiredError,
      'TimerPreconditionRequiredError',
    ],
    [500, 'Internal Server Error', TimerServerError, 'TimerServerError'],
    [502, 'Bad Gateway', TimerServerError, 'TimerServerError'],
    [503, 'Service Unavailable', TimerServerError, 'TimerServerError'],
    [413, 'Content Too Large', TimerApiError, 'TimerApiError'],
    [415, 'Unsupported Media Type', TimerApiError, 'TimerApiError'],
    [429, 'Too Many Requests', TimerApiError, 'TimerApiError'],
  ];
  for (const [status, statusText, type, name] of byStatus) {
    it(`maps a ${status} problem to ${name}`, async () => {
      const result = failure(client.get('x'));
      backend
        .expectOne(`${API}/tasks/x`)
        .flush(problem(status, statusText), { status, statusText });
      const error = (await result) as TimerApiError;
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(TimerApiError);
      expect(error.name).toBe(name);
      expect(error.status).toBe(status);
      expect(error.message).toBe(`${statusText} detail`);
      expect(error.cause).toBeInstanceOf(HttpErrorResponse);
    });
  }

  it("maps API Gateway's own 401 body {message} to TimerUnauthorizedError", async () => {
    const result = failure(client.list());
    backend
      .expectOne(LIST)
      .flush({ message: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    const error = (await result) as TimerUnauthorizedError;
    expect(error).toBeInstanceOf(TimerUnauthorizedError);
    expect(error.message).toBe('Unauthorized');
  });

  it('maps a 5xx with a non-JSON body to TimerServerError', async () => {
    const result = failure(client.list());
    backend
      .expectOne(LIST)
      .flush('<html>upstream down</html>', { status: 504, statusText: 'Gateway Timeout' });
    expect(await result).toBeInstanceOf(TimerServerError);
  });

  it('maps a network failure (status 0) to TimerNetworkError', async () => {
    const result = failure(client.list());
    backend.expectOne(LIST).error(new ProgressEvent('error'));
    const error = (await result) as TimerNetworkError;
    expect(error).toBeInstanceOf(TimerNetworkError);
    expect(error.name).toBe('TimerNetworkError');
    expect(error.status).toBe(0);
  });

  it('maps a CORS rejection (status 0, statusText Unknown Error) to TimerNetworkError', async () => {
    const result = failure(client.create(DRAFT));
    backend
      .expectOne(`${API}/tasks`)
      .error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    expect(await result).toBeInstanceOf(TimerNetworkError);
  });
});

describe('TimerClient legacy error bodies ({exceptionType, code, error} with status 500)', () => {
  beforeEach(() => setUp());

  async function mapped(body: object): Promise<TimerApiError> {
    const result = failure(client.get('x'));
    backend
      .expectOne(`${API}/tasks/x`)
      .flush(body, { status: 500, statusText: 'Internal Server Error' });
    const error = (await result) as TimerApiError;
    expect(error).toBeInstanceOf(TimerApiError);
    expect(error.message).toBe((body as { error: string }).error);
    expect(error.status).toBe(500);
    return error;
  }

  type ErrorClass = new (...args: never[]) => TimerApiError;
  const byName: [ErrorClass, string[]][] = [
    [
      TimerNotFoundError,
      [
        'NotFoundException',
        'TaskNotFoundException',
        'jakarta.persistence.EntityNotFoundException',
        'java.util.NoSuchElementException',
        'org.springframework.web.client.HttpClientErrorException$NotFound',
      ],
    ],
    [
      TimerValidationError,
      [
        'ValidationException',
        'jakarta.validation.ConstraintViolationException',
        'org.springframework.web.bind.MethodArgumentNotValidException',
        'org.springframework.http.converter.HttpMessageNotReadableException',
        'java.time.format.DateTimeParseException',
        'com.fasterxml.jackson.core.JsonParseException',
        'java.lang.IllegalArgumentException',
      ],
    ],
    [
      TimerForbiddenError,
      [
        'org.springframework.security.access.AccessDeniedException',
        'org.springframework.security.authorization.AuthorizationDeniedException',
        'ForbiddenException',
        'HttpClientErrorException$Forbidden',
      ],
    ],
    [
      TimerUnauthorizedError,
      [
        'org.springframework.security.core.AuthenticationException',
        'InsufficientAuthenticationException',
        'AuthenticationCredentialsNotFoundException',
        'InvalidAuthTokenException',
        'io.jsonwebtoken.ExpiredJwtException',
        'BadJwtException',
        'NotAuthorizedException',
        'HttpClientErrorException$Unauthorized',
      ],
    ],
    [
      TimerServerError,
      [
        'java.lang.NullPointerException',
        'RuntimeException',
        'IllegalStateException',
        // A listed name in the middle of another is not that name.
        'NotFoundHandlerException',
        'ValidationConfigurationException',
        'AccessDeniedHandlerException',
        'JwtDecoderInitializationException',
        '',
      ],
    ],
  ];
  for (const [type, names] of byName) {
    for (const exceptionType of names) {
      it(`maps exceptionType ${JSON.stringify(exceptionType)} to ${type.name}`, async () => {
        const error = await mapped({ exceptionType, code: 'E_TIMER', error: 'what happened' });
        expect(error).toBeInstanceOf(type);
      });
    }
  }

  it('prefers code when it is an HTTP error status, over any name', async () => {
    const cases: [unknown, string, ErrorClass][] = [
      [404, 'ValidationException', TimerNotFoundError],
      ['404', 'Whatever', TimerNotFoundError],
      [400, 'NoSuchElementException', TimerValidationError],
      ['401', 'AccessDeniedException', TimerUnauthorizedError],
      [403, 'Whatever', TimerForbiddenError],
      [503, 'TaskNotFoundException', TimerServerError],
      [409, 'TaskNotFoundException', TimerConflictError],
      [418, 'TaskNotFoundException', TimerApiError],
    ];
    for (const [code, exceptionType, type] of cases) {
      const error = await mapped({ exceptionType, code, error: 'x' });
      expect(error.constructor).withContext(`${code} ${exceptionType}`).toBe(type);
    }
  });

  it('falls back to the name when code is not an HTTP error status', async () => {
    for (const code of [1, 200, 302, 600, '4040', ' 404', 'TASK_NOT_FOUND', null, undefined]) {
      const error = await mapped({ exceptionType: 'TaskNotFoundException', code, error: 'x' });
      expect(error).withContext(String(code)).toBeInstanceOf(TimerNotFoundError);
    }
  });
});

describe('TimerClient wiring', () => {
  /** The client behind the real auth interceptor, whose token source is the testing one. */
  function setUpWithAuth(testing: CognitoAuthTestingOptions = {}) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
        provideHttpClientTesting(),
        provideCognitoAuth({ allowedUrls: [API], whenSignedOut: 'error' }),
        provideCognitoAuthTesting(testing),
        provideTimerClient({ baseUrl: API }),
      ],
    });
    client = TestBed.inject(TimerClient);
    backend = TestBed.inject(HttpTestingController);
  }

  it('works through TimerClientModule.forRoot', async () => {
    setUp('ngmodule');
    const result = settle(client.list());
    backend.expectOne(LIST).flush([]);
    expect(await result).toEqual([]);
  });

  it('drops trailing slashes of baseUrl', async () => {
    setUp('standalone', `${API}//`);
    const result = settle(client.list());
    backend.expectOne(LIST).flush([]);
    await result;
  });

  it('goes through the auth interceptor: the token is added', async () => {
    setUpWithAuth();
    const result = settle(client.list());
    const req = await waitForRequest(LIST);
    expect(req.request.headers.get('Authorization')).toMatch(/^Bearer /);
    req.flush([]);
    await result;
  });

  it("turns the interceptor's NotSignedInError into TimerUnauthorizedError, keeping it as cause", async () => {
    setUpWithAuth({ signedOut: true });
    const error = (await failure(client.list())) as TimerUnauthorizedError;
    expect(error).toBeInstanceOf(TimerUnauthorizedError);
    expect(error.status).toBe(0);
    expect(error.cause).toBeInstanceOf(NotSignedInError);
  });

  it('turns a 401 whose refresh fails on the network into TimerNetworkError, TokenRefreshError as cause', async () => {
    setUpWithAuth();
    const source = TestBed.inject(FakeCognitoTokenSource);
    const result = failure(client.get('x'));
    const first = await waitForRequest(`${API}/tasks/x`);
    source.failWith(new TypeError('Failed to fetch'));
    first.flush({ message: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    const error = (await result) as TimerNetworkError;
    expect(error).toBeInstanceOf(TimerNetworkError);
    expect(error).toBeInstanceOf(TimerApiError);
    expect(error.status).toBe(0);
    expect(error.cause).toBeInstanceOf(TokenRefreshError);
  });

  it('emits any other failure as a TimerApiError with the original as cause', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(
          withInterceptors([
            () => {
              throw new RangeError('an app interceptor failed');
            },
          ]),
        ),
        provideHttpClientTesting(),
        provideTimerClient({ baseUrl: API }),
      ],
    });
    client = TestBed.inject(TimerClient);
    backend = TestBed.inject(HttpTestingController);
    const error = (await failure(client.list())) as TimerApiError;
    expect(error).toBeInstanceOf(TimerApiError);
    expect(error.status).toBe(0);
    expect(error.cause).toBeInstanceOf(RangeError);
  });
});

/** The interceptor fetches the token asynchronously, so the request appears a little later. */
async function waitForRequest(url: string) {
  for (let i = 0; i < 50; i++) {
    const found = backend.match(url);
    if (found.length > 0) return found[0]!;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no request to ${url}`);
}
