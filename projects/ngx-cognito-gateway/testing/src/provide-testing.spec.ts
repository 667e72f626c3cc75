import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import {
  CognitoAuthState,
  TokenRefreshError,
  cognitoAuthInterceptor,
  provideCognitoAuth,
} from 'ngx-cognito-gateway';
import {
  CognitoAuthTestingOptions,
  FakeCognitoTokenSource,
  fakeJwt,
  provideCognitoAuthTesting,
} from 'ngx-cognito-gateway/testing';
import { decodeJwtPayload } from '../../src/lib/jwt';
import { settle } from '../../src/lib/testing-helpers/settle';

const API = 'https://api.example.com';

function setUp(options?: CognitoAuthTestingOptions) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
      provideHttpClientTesting(),
      provideCognitoAuth({ allowedUrls: [API] }),
      provideCognitoAuthTesting(options),
    ],
  });
  return {
    http: TestBed.inject(HttpClient),
    backend: TestBed.inject(HttpTestingController),
    source: TestBed.inject(FakeCognitoTokenSource),
  };
}

/** The Authorization header of the next request to API, answered with `{}`. */
async function sentAuthorization(): Promise<string | null> {
  const http = TestBed.inject(HttpClient);
  const response = firstValueFrom(http.get(`${API}/x`));
  await settle();
  const req = TestBed.inject(HttpTestingController).expectOne(`${API}/x`);
  req.flush({});
  await response;
  return req.request.headers.get('Authorization');
}

const payload = (jwt: string) => decodeJwtPayload(jwt) as { exp: number; iat: number };

describe('provideCognitoAuthTesting', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('signs in by default with a JWT-shaped token valid for about an hour', async () => {
    const { source } = setUp();
    const header = await sentAuthorization();
    expect(header).toBe(`Bearer ${source.currentAccessToken}`);
    const { exp } = payload(source.currentAccessToken!);
    expect(exp - Date.now() / 1000).toBeGreaterThan(3500);
    expect(source.forceRefreshCount).toBe(0);
  });

  it('sends the first request in the same turn as subscribe, so expectOne needs no wait', () => {
    const { http, backend, source } = setUp();
    http.get(`${API}/x`).subscribe();
    const req = backend.expectOne(`${API}/x`);
    expect(req.request.headers.get('Authorization')).toBe(`Bearer ${source.currentAccessToken}`);
    req.flush({});
    source.signIn(fakeJwt({ expiresInSeconds: 600, claims: { sub: 'bob' } }));
    http.get(`${API}/y`).subscribe();
    expect(backend.expectOne(`${API}/y`).request.headers.get('Authorization')).toBe(
      `Bearer ${source.currentAccessToken}`,
    );
    expect(source.fetchCount).toBe(0);
  });

  it('signed out, sends the request without a token in the same turn too', () => {
    const { http, backend } = setUp({ signedOut: true });
    http.get(`${API}/x`).subscribe();
    expect(backend.expectOne(`${API}/x`).request.headers.has('Authorization')).toBeFalse();
  });

  it('drives CognitoAuthState without waiting', () => {
    const { source } = setUp({ signedOut: true });
    const auth = TestBed.inject(CognitoAuthState);
    expect(auth.signedIn()).toBeFalse();
    source.signIn(fakeJwt({ expiresInSeconds: 600, claims: { username: 'carol' } }));
    expect(auth.username()).toBe('carol');
    source.signOut();
    expect(auth.signedIn()).toBeFalse();
  });

  it('writes the claims of a fake token as UTF-8, as Cognito does', () => {
    setUp({ token: fakeJwt({ expiresInSeconds: 600, claims: { username: 'zoë 李' } }) });
    expect(TestBed.inject(CognitoAuthState).username()).toBe('zoë 李');
  });

  it('hands out the token it is given', async () => {
    const token = fakeJwt({ expiresInSeconds: 600, claims: { sub: 'alice' } });
    setUp({ token });
    expect(await sentAuthorization()).toBe(`Bearer ${token}`);
  });

  it('starts with an expired token when asked, which the interceptor refreshes once', async () => {
    const { source } = setUp({ expired: true });
    const expired = source.currentAccessToken!;
    expect(payload(expired).exp * 1000).toBeLessThan(Date.now());
    const header = await sentAuthorization();
    expect(source.forceRefreshCount).toBe(1);
    expect(header).not.toBe(`Bearer ${expired}`);
    expect(header).toBe(`Bearer ${source.currentAccessToken}`);
  });

  it('starts signed out when asked; signIn() and signOut() switch at any time', async () => {
    const { source } = setUp({ signedOut: true });
    expect(await sentAuthorization()).toBeNull();
    source.signIn();
    expect(await sentAuthorization()).toBe(`Bearer ${source.currentAccessToken}`);
    source.signOut();
    expect(await sentAuthorization()).toBeNull();
  });

  it('fails every fetch with the given error after failWith()', async () => {
    const { http, source } = setUp({ signedOut: true });
    const offline = Object.assign(new Error('offline'), { name: 'NetworkError' });
    source.failWith(offline);
    const error = await firstValueFrom(http.get(`${API}/x`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as TokenRefreshError).cause).toBe(offline);
  });
});
