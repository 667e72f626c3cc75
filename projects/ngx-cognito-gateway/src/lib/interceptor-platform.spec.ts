import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { PlatformLocation } from '@angular/common';
import { MOCK_PLATFORM_LOCATION_CONFIG, MockPlatformLocation } from '@angular/common/testing';
import { DOCUMENT, PLATFORM_ID, REQUEST } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SKIP_COGNITO_AUTH, cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
import { FakeCognitoTokenSource, provideCognitoAuthTesting } from 'ngx-cognito-gateway/testing';
import { settle } from './testing-helpers/settle';

const API = 'https://api.example.com/v1';

/**
 * A document like the server's DOM emulation: `baseURI` throws (Domino's "not yet implemented"),
 * so an interceptor that reads it at injection or on a request fails here as it fails in SSR.
 */
function documentWithoutBaseUri(): Document {
  const doc = document.implementation.createHTMLDocument('server');
  Object.defineProperty(doc, 'baseURI', {
    get: () => {
      throw new Error('NotYetImplemented');
    },
  });
  return doc;
}

/**
 * `page`: the URL being rendered, where Angular's server keeps it (PlatformLocation, from
 * INITIAL_CONFIG), and as REQUEST unless `prerendering` (Angular provides none then). `document`:
 * by default one like the server's, without a base URL.
 */
function setUp(
  platform: 'server' | 'browser',
  page = 'https://app.example.com/',
  {
    prerendering = false,
    allowedUrls = [API],
    baseHref = '',
    document = documentWithoutBaseUri(),
  } = {},
) {
  TestBed.configureTestingModule({
    providers: [
      { provide: PLATFORM_ID, useValue: platform },
      { provide: DOCUMENT, useValue: document },
      { provide: REQUEST, useValue: prerendering ? null : new Request(page) },
      { provide: PlatformLocation, useClass: MockPlatformLocation },
      {
        provide: MOCK_PLATFORM_LOCATION_CONFIG,
        useValue: { startUrl: page, appBaseHref: baseHref },
      },
      provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
      provideHttpClientTesting(),
      provideCognitoAuth({ allowedUrls }),
      provideCognitoAuthTesting(),
    ],
  });
  return {
    http: TestBed.inject(HttpClient),
    backend: TestBed.inject(HttpTestingController),
    source: TestBed.inject(FakeCognitoTokenSource),
  };
}

describe('cognitoAuthInterceptor on the server (SSR)', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('sends an allowlisted request without a token, kept out of the transfer cache', async () => {
    const { http, backend, source } = setUp('server', 'https://app.example.com/tasks');
    let body: unknown;
    http.get(`${API}/tasks`).subscribe((b) => (body = b));
    await settle();
    const req = backend.expectOne(`${API}/tasks`);
    expect(req.request.headers.has('Authorization')).toBeFalse();
    expect(req.request.transferCache).toBeFalse();
    expect(source.fetchCount).toBe(0);
    req.flush([]);
    expect(body).toEqual([]);
  });

  it('leaves other requests as they are, so they stay cacheable', async () => {
    const { http, backend } = setUp('server', 'https://app.example.com/tasks');
    const skipped = new HttpContext().set(SKIP_COGNITO_AUTH, true);
    http.get('https://cdn.example.com/config.json').subscribe();
    http.get(`${API}/public`, { context: skipped }).subscribe();
    await settle();
    for (const url of ['https://cdn.example.com/config.json', `${API}/public`]) {
      const req = backend.expectOne(url);
      expect(req.request.transferCache).toBeUndefined();
      req.flush({});
    }
  });

  it("resolves relative URLs against the page's URL, never the document", async () => {
    const { http, backend } = setUp('server', 'https://api.example.com/app/tasks');
    http.get('/v1/tasks').subscribe();
    http.get('/v2/tasks').subscribe();
    await settle();
    const allowlisted = backend.expectOne('/v1/tasks');
    const other = backend.expectOne('/v2/tasks');
    expect(allowlisted.request.transferCache).toBeFalse();
    expect(other.request.transferCache).toBeUndefined();
    allowlisted.flush({});
    other.flush({});
  });

  it('resolves relative URLs against the route being prerendered (no REQUEST then)', async () => {
    const { http, backend } = setUp('server', 'http://localhost:41234/tasks', {
      prerendering: true,
    });
    http.get('/v1/tasks').subscribe();
    http.get('v1/x').subscribe();
    http.get('/v2/tasks').subscribe();
    await settle();
    expect(backend.expectOne('/v1/tasks').request.transferCache).toBeFalse();
    expect(backend.expectOne('v1/x').request.transferCache).toBeFalse();
    expect(backend.expectOne('/v2/tasks').request.transferCache).toBeUndefined();
    backend.match(() => true).forEach((req) => req.flush({}));
  });

  it('resolves relative URLs against the base href on the rendered origin, as Angular does', async () => {
    const { http, backend } = setUp('server', 'https://app.example.com/app/tasks', {
      baseHref: '/v1/',
    });
    http.get('tasks').subscribe();
    await settle();
    const req = backend.expectOne('tasks');
    expect(req.request.transferCache).toBeFalse();
    req.flush({});
  });

  it('keeps out of the transfer cache what the browser would authorize on any origin it may have', async () => {
    // Behind a proxy or while prerendering, the rendered origin is not the browser's.
    const { http, backend } = setUp('server', 'http://127.0.0.1:4000/tasks', {
      prerendering: true,
      allowedUrls: ['https://app.example.com/api', '/v2'],
    });
    http.get('/api/tasks').subscribe();
    http.get('/v2/tasks').subscribe();
    http.get('/public/notice').subscribe();
    http.get('https://cdn.example.com/api/x').subscribe();
    await settle();
    expect(backend.expectOne('/api/tasks').request.transferCache).toBeFalse();
    expect(backend.expectOne('/v2/tasks').request.transferCache).toBeFalse();
    expect(backend.expectOne('/public/notice').request.transferCache).toBeUndefined();
    expect(
      backend.expectOne('https://cdn.example.com/api/x').request.transferCache,
    ).toBeUndefined();
    backend.match(() => true).forEach((req) => req.flush({}));
  });
});

describe('cognitoAuthInterceptor in a browser whose document has no base URL', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('still authorizes absolute URLs, and sends relative ones without a token', async () => {
    const { http, backend, source } = setUp('browser', 'https://api.example.com/');
    http.get(`${API}/tasks`).subscribe();
    http.get('/v1/tasks').subscribe();
    await settle();
    const absolute = backend.expectOne(`${API}/tasks`);
    const relative = backend.expectOne('/v1/tasks');
    expect(absolute.request.headers.get('Authorization')).toBe(
      `Bearer ${source.currentAccessToken}`,
    );
    expect(relative.request.headers.has('Authorization')).toBeFalse();
    absolute.flush({});
    relative.flush({});
  });
});

/** The test page's own origin (loopback http), which path entries mean in these specs. */
const APP = location.origin;

/**
 * A real browser document on this page's origin (an iframe's, at a URL of the test server) whose
 * base URL the test moves, as navigation does in an app without `<base href>`.
 */
async function movableDocument() {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => (frame.onload = resolve));
  frame.src = '/movable-page-for-specs';
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const base = doc.createElement('base');
  doc.head.append(base);
  return { doc, frame, moveTo: (url: string) => base.setAttribute('href', url) };
}

describe('cognitoAuthInterceptor in the browser: relative URLs and path entries', () => {
  let page: Awaited<ReturnType<typeof movableDocument>>;
  beforeEach(async () => (page = await movableDocument()));
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    page.frame.remove();
  });

  function setUpBrowser(allowedUrls: string[]) {
    const { source } = setUp('browser', page.doc.URL, { allowedUrls, document: page.doc });
    return { bearer: `Bearer ${source.currentAccessToken}` };
  }

  async function authorizationOf(url: string): Promise<string | null> {
    TestBed.inject(HttpClient).get(url).subscribe();
    await settle();
    const req = TestBed.inject(HttpTestingController).expectOne(url);
    req.flush({});
    return req.request.headers.get('Authorization');
  }

  for (const allowedUrls of [['/api'], [`${APP}/api`]]) {
    it(`decides a relative URL again when the page's base moves (${allowedUrls[0]})`, async () => {
      const { bearer } = setUpBrowser(allowedUrls);
      page.moveTo(`${APP}/api/page`);
      expect(await authorizationOf('tasks')).toBe(bearer); // /api/tasks
      page.moveTo(`${APP}/other/`);
      expect(await authorizationOf('tasks')).toBeNull(); // /other/tasks
      page.moveTo(`${APP}/api/page`);
      expect(await authorizationOf('tasks')).toBe(bearer);
    });
  }

  it("sends the token under a path entry on the document's own origin only", async () => {
    page.moveTo(`${APP}/home/`);
    const { bearer } = setUpBrowser(['/api']);
    expect(await authorizationOf('/api/tasks')).toBe(bearer);
    expect(await authorizationOf(`${APP}/api/tasks`)).toBe(bearer);
    for (const url of [
      '/apix',
      '/api/..%2fadmin',
      'https://evil.io/api/tasks',
      '//evil.io/api/tasks',
      '\\\\evil.io\\api\\tasks',
    ]) {
      expect(await authorizationOf(url))
        .withContext(url)
        .toBeNull();
    }
  });

  it('never follows a <base href> on another origin with a path entry', async () => {
    page.moveTo('https://cdn.example.com/');
    const { bearer } = setUpBrowser(['/api']);
    expect(await authorizationOf('/api/tasks')).toBeNull(); // goes to the CDN
    expect(await authorizationOf(`${APP}/api/tasks`)).toBe(bearer);
  });
});
