import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, PLATFORM_ID, inject, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import {
  CognitoAuthConfigError,
  CognitoAuthState,
  cognitoAuthInterceptor,
  provideCognitoAuth,
} from 'ngx-cognito-gateway';
import {
  CognitoAuthTestingOptions,
  FakeCognitoTokenSource,
  fakeJwt,
  provideCognitoAuthTesting,
} from 'ngx-cognito-gateway/testing';
import { decodeJwtPayload } from './jwt';
import { settle } from './testing-helpers/settle';

const API = 'https://api.example.com';

function setUp(options: CognitoAuthTestingOptions = {}, platform = 'browser') {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      { provide: PLATFORM_ID, useValue: platform },
      provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
      provideHttpClientTesting(),
      provideCognitoAuth({ allowedUrls: [API] }),
      provideCognitoAuthTesting(options),
    ],
  });
  return {
    state: TestBed.inject(CognitoAuthState),
    source: TestBed.inject(FakeCognitoTokenSource),
  };
}

describe('CognitoAuthState', () => {
  it('reads the session at start: signed in, with the access token claims', async () => {
    const token = fakeJwt({
      expiresInSeconds: 600,
      claims: { sub: 'u-1', username: 'alice', 'cognito:groups': ['admin'], scope: 'a b' },
    });
    const { state } = setUp({ token });
    expect(state.signedIn()).toBeTrue(); // the testing source has it at hand
    await settle();
    expect(state.signedIn()).toBeTrue();
    expect(state.username()).toBe('alice');
    const claims = state.claims()!;
    expect(claims.sub).toBe('u-1');
    expect(claims.scope).toBe('a b');
    expect(claims['cognito:groups']).toEqual(['admin']);
    expect(claims.exp! * 1000).toBeGreaterThan(Date.now());
  });

  it('starts signed out until the first read settles when the source has nothing at hand, as Amplify', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideCognitoAuth({ allowedUrls: [API] }),
        provideCognitoAuthTesting(),
      ],
    });
    spyOn(TestBed.inject(FakeCognitoTokenSource), 'currentTokens').and.returnValue(undefined);
    const state = TestBed.inject(CognitoAuthState);
    expect(state.signedIn()).toBeFalse();
    await settle();
    expect(state.signedIn()).toBeTrue();
  });

  it('in a component spec without a token source, fails naming provideCognitoAuthTesting()', () => {
    @Component({ selector: 'app-badge', template: `{{ auth.username() }}` })
    class Badge {
      readonly auth = inject(CognitoAuthState);
    }
    TestBed.configureTestingModule({
      imports: [Badge],
      providers: [provideZonelessChangeDetection()],
    });
    expect(() => TestBed.createComponent(Badge)).toThrowError(
      CognitoAuthConfigError,
      /provideCognitoAuthTesting\(\)/,
    );
  });

  it('follows sign-in and sign-out events of the token source', async () => {
    const { state, source } = setUp({ signedOut: true });
    expect(await state.check()).toBeFalse();
    expect(state.claims()).toBeNull();
    source.signIn(fakeJwt({ expiresInSeconds: 600, claims: { username: 'bob' } }));
    await settle();
    expect(state.signedIn()).toBeTrue();
    expect(state.username()).toBe('bob');
    source.signOut();
    await settle();
    expect(state.signedIn()).toBeFalse();
    expect(state.username()).toBeNull();
  });

  it("takes the interceptor's own refresh, without an auth event", async () => {
    const { state, source } = setUp({ expired: true });
    await settle();
    const before = state.claims()!['jti'];
    const http = TestBed.inject(HttpClient);
    const response = firstValueFrom(http.get(`${API}/x`));
    await settle();
    TestBed.inject(HttpTestingController).expectOne(`${API}/x`).flush({});
    await response;
    expect(source.forceRefreshCount).toBe(1);
    expect(state.claims()!['jti']).not.toBe(before);
    expect(state.claims()!['jti']).toBe(decodeJwtPayload(source.currentAccessToken!)!['jti']);
  });

  it('decodes UTF-8 claims, and stays signed in with no claims for a token that is not a JWT', async () => {
    const { state, source } = setUp({ signedOut: true });
    // {"username":"zoë 李","n":"??>~~~"}: base64url of its UTF-8 bytes, as Cognito encodes it.
    source.signIn('e30.eyJ1c2VybmFtZSI6Inpvw6sg5p2OIiwibiI6Ij8_Pn5-fiJ9.');
    await settle();
    expect(state.username()).toBe('zoë 李');
    source.signIn('opaque-token');
    await settle();
    expect(state.signedIn()).toBeTrue();
    expect(state.claims()).toEqual({});
    expect(state.username()).toBeNull();
  });

  it('keeps its signals when a read fails, and answers with them', async () => {
    const { state, source } = setUp();
    expect(await state.check()).toBeTrue();
    source.failWith(Object.assign(new Error('offline'), { name: 'NetworkError' }));
    expect(await state.check()).toBeTrue();
    expect(state.signedIn()).toBeTrue();
  });

  it('on the server reports signed out and never asks the token source', async () => {
    const { state, source } = setUp({}, 'server');
    expect(await state.check()).toBeFalse();
    source.signIn();
    await settle();
    expect(state.signedIn()).toBeFalse();
    expect(state.claims()).toBeNull();
    expect(source.fetchCount).toBe(0);
  });
});
