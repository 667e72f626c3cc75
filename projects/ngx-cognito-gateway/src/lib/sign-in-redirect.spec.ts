import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, ErrorHandler, inject, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  CognitoAuthConfigError,
  CognitoAuthFailure,
  cognitoAuthInterceptor,
  provideCognitoAuth,
  withSignInRedirect,
} from 'ngx-cognito-gateway';
import { FakeCognitoTokenSource, provideCognitoAuthTesting } from 'ngx-cognito-gateway/testing';
import type { CognitoSignInRedirectOptions } from './sign-in-redirect';
import { settle } from './testing-helpers/settle';

const API = 'https://api.example.com';

@Component({ template: '' })
class Page {}

function setUp(options?: CognitoSignInRedirectOptions) {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([{ path: '**', component: Page }]),
      provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
      provideHttpClientTesting(),
      provideCognitoAuth({ allowedUrls: [API] }, withSignInRedirect(options)),
      provideCognitoAuthTesting(),
    ],
  });
  return TestBed.inject(Router);
}

/** Requests `count` API URLs at once and answers each with 401, twice (first try and retry). */
async function failTwice(count = 1): Promise<void> {
  const http = TestBed.inject(HttpClient);
  const backend = TestBed.inject(HttpTestingController);
  const calls = Array.from({ length: count }, (_, i) =>
    firstValueFrom(http.get(`${API}/x${i}`)).catch(() => undefined),
  );
  for (let round = 0; round < 2; round++) {
    await settle();
    for (let i = 0; i < count; i++) {
      backend.expectOne(`${API}/x${i}`).flush(null, { status: 401, statusText: 'Unauthorized' });
    }
  }
  await Promise.all(calls);
  await settle();
}

describe('withSignInRedirect', () => {
  it('routes to sign-in with the current page and reason=expired when a 401 stays a 401', async () => {
    const router = setUp();
    await router.navigateByUrl('/timers/3?x=1');
    await failTwice();
    expect(router.url).toBe('/sign-in?returnUrl=%2Ftimers%2F3%3Fx%3D1&reason=expired');
  });

  it('runs beforeRedirect first, in an injection context, with the failure', async () => {
    const order: string[] = [];
    let failure: CognitoAuthFailure | undefined;
    const router = setUp({
      signInUrl: '/login',
      beforeRedirect: async (f) => {
        failure = f;
        order.push(`before at ${inject(Router).url}`);
        await inject(FakeCognitoTokenSource).signOut();
      },
    });
    await router.navigateByUrl('/home');
    await failTwice();
    order.push(`after at ${router.url}`);
    expect(order).toEqual(['before at /home', 'after at /login?returnUrl=%2Fhome&reason=expired']);
    expect(failure?.reason).toBe('rejected-after-refresh');
    expect(failure?.status).toBe(401);
  });

  it('navigates once for several failures at once, and not at all on the sign-in page', async () => {
    const router = setUp();
    await router.navigateByUrl('/home');
    const navigate = spyOn(router, 'navigateByUrl').and.callThrough();
    await failTwice(3);
    expect(navigate).toHaveBeenCalledTimes(1);
    await failTwice();
    expect(router.url).toMatch(/^\/sign-in\?/);
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('still redirects when beforeRedirect throws, and reports the error', async () => {
    const oops = new Error('sign-out failed');
    const handleError = jasmine.createSpy('handleError');
    TestBed.overrideProvider(ErrorHandler, { useValue: { handleError } });
    const router = setUp({
      beforeRedirect: () => {
        throw oops;
      },
    });
    await router.navigateByUrl('/home');
    await failTwice();
    expect(router.url).toMatch(/^\/sign-in\?returnUrl=%2Fhome/);
    expect(handleError).toHaveBeenCalledWith(oops);
  });

  it('refuses a signInUrl outside the app with a CognitoAuthConfigError naming it', () => {
    for (const signInUrl of ['https://evil.example/login', '//evil.example', 'login', '']) {
      let thrown: unknown;
      try {
        withSignInRedirect({ signInUrl });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).withContext(signInUrl).toBeInstanceOf(CognitoAuthConfigError);
      expect((thrown as CognitoAuthConfigError).option).toBe('signInUrl');
      expect((thrown as CognitoAuthConfigError).value).toBe(signInUrl);
    }
  });
});
