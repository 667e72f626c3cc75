import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DOCUMENT, PLATFORM_ID, REQUEST } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SKIP_COGNITO_AUTH, cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
import { FakeCognitoTokenSource, provideCognitoAuthTesting } from 'ngx-cognito-gateway/testing';
import { settle } from './testing-helpers/interceptor-harness';

const API = 'https://api.example.com/v1';

/**
 * A document like the server's DOM emulation: `baseURI` throws (Domino's "not yet implemented"),
 * so a handler that reads it at injection or on a request fails here as it fails in SSR.
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

function setUp(platform: 'server' | 'browser', page: string | null = null) {
  TestBed.configureTestingModule({
    providers: [
      { provide: PLATFORM_ID, useValue: platform },
      { provide: DOCUMENT, useValue: documentWithoutBaseUri() },
      { provide: REQUEST, useValue: page === null ? null : new Request(page) },
      provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
      provideHttpClientTesting(),
      provideCognitoAuth({ allowedUrls: [API] }),
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

  it('passes relative URLs through when there is no request (prerendering)', async () => {
    const { http, backend } = setUp('server', null);
    http.get('/v1/tasks').subscribe();
    await settle();
    const req = backend.expectOne('/v1/tasks');
    expect(req.request.transferCache).toBeUndefined();
    req.flush({});
  });
});

describe('cognitoAuthInterceptor in a browser whose document has no base URL', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('still authorizes absolute URLs, and sends relative ones without a token', async () => {
    const { http, backend, source } = setUp('browser');
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
