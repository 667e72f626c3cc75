import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { cognitoAuthInterceptor } from 'ngx-cognito-gateway';
import { FakeCognitoTokenSource, fakeJwt } from 'ngx-cognito-gateway/testing';
import { TEST_CONFIG, appTestingProviders, settle } from '../testing';
import { PageUser, RELOAD_PAGE, pageUserInterceptor } from './page-user';
import { SignedInUser } from './signed-in-user';

const token = (sub: string) =>
  fakeJwt({ expiresInSeconds: 3600, claims: { sub, email: `${sub}@example.com` } });
const URL = `${TEST_CONFIG.apiUrl}/tasks`;

describe('PageUser: one user per page load', () => {
  let reloads: number;

  beforeEach(() => {
    reloads = 0;
    TestBed.configureTestingModule({
      providers: [
        ...appTestingProviders(),
        { provide: RELOAD_PAGE, useValue: () => reloads++ },
        provideHttpClient(withInterceptors([cognitoAuthInterceptor, pageUserInterceptor])),
        provideHttpClientTesting(),
      ],
    });
  });

  it('takes the first user it sees, and reloads the page, once, for any other', () => {
    const page = TestBed.inject(PageUser);
    expect(page.accepts(undefined)).toBe(true);
    expect(page.accepts(token('ann'))).toBe(true);
    expect(page.accepts(token('ann'))).toBe(true);
    expect(page.accepts(undefined)).toBe(true); // signed out: nothing to show, nothing mixed
    expect(reloads).toBe(0);
    expect(page.accepts(token('bob'))).toBe(false);
    expect(page.accepts(token('ann'))).toBe(false); // reloading: nothing more is shown
    expect(reloads).toBe(1);
  });

  it("sends no request with another user's token, and shows no other user's address", async () => {
    const tokens = TestBed.inject(FakeCognitoTokenSource);
    tokens.signIn(token('ann'));
    const user = TestBed.inject(SignedInUser);
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    await settle();
    expect(user.email()).toBe('ann@example.com');
    http.get(URL).subscribe();
    backend.expectOne(URL).flush([]);

    tokens.signIn(token('bob'), { inAnotherTab: true });
    http.get(URL).subscribe();
    await settle();
    backend.expectNone(URL);
    expect(user.email()).toBe('ann@example.com');
    expect(reloads).toBe(1);
  });
});
