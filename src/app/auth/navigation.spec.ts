import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Location } from '@angular/common';
import { provideLocationMocks } from '@angular/common/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NavigationStart, Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideIonicAngular } from '@ionic/angular/provide';
import {
  cognitoAuthInterceptor,
  provideCognitoAuth,
  withSignInRedirect,
} from 'ngx-cognito-gateway';
import { FakeCognitoTokenSource, provideCognitoAuthTesting } from 'ngx-cognito-gateway/testing';
import { provideTimerClient } from 'ngx-cognito-gateway/timer';
import { routes } from '../app.routes';
import { RUNTIME_CONFIG } from '../config/runtime-config.token';
import { TEST_CONFIG, settle } from '../testing';
import { AMPLIFY_AUTH, type AmplifyAuthApi } from './amplify-auth';
import { SignInPage } from './sign-in.page';

/** Every sign-in step's page after the first. */
const STEP_PATHS = [
  '/sign-in/new-password',
  '/sign-in/totp',
  '/sign-in/totp-setup',
  '/sign-up',
  '/sign-up/confirm',
  '/forgot-password',
  '/forgot-password/confirm',
];

/** The app's routes, guard and sign-in page, over the testing kit's token source and a mock history. */
async function setUp(signedIn: boolean) {
  const amplify = jasmine.createSpyObj<AmplifyAuthApi>('amplify', ['signIn', 'signOut']);
  amplify.signOut.and.resolveTo();
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideIonicAngular(),
      provideRouter(routes),
      provideLocationMocks(),
      { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
      provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
      provideHttpClientTesting(),
      provideCognitoAuth({ allowedUrls: [TEST_CONFIG.apiUrl] }, withSignInRedirect()),
      provideCognitoAuthTesting({ signedOut: !signedIn }),
      provideTimerClient({ baseUrl: TEST_CONFIG.apiUrl }),
      { provide: AMPLIFY_AUTH, useValue: amplify },
    ],
  });
  const tokens = TestBed.inject(FakeCognitoTokenSource);
  // Amplify signs in and its Hub reports it; the fake does both.
  amplify.signIn.and.callFake(async () => {
    tokens.signIn();
    return { isSignedIn: true, nextStep: { signInStep: 'DONE' } };
  });
  const harness = await RouterTestingHarness.create();
  // What bootstrapping does in an app: the router follows Back and Forward.
  TestBed.inject(Router).setUpLocationChangeListener();
  const started: string[] = [];
  TestBed.inject(Router).events.subscribe((event) => {
    if (event instanceof NavigationStart) started.push(event.url);
  });
  return { harness, router: TestBed.inject(Router), location: TestBed.inject(Location), started };
}

describe('navigation around sign-in', () => {
  it('after a deep-link sign-in, Back does not return to the sign-in form', async () => {
    const { harness, router, location, started } = await setUp(false);
    await harness.navigateByUrl('/timers/abc');
    expect(router.url).toBe('/sign-in?returnUrl=%2Ftimers%2Fabc');
    const page = harness.routeDebugElement!.componentInstance as SignInPage;
    expect(page).toBeInstanceOf(SignInPage);

    page.form().value.set({ username: 'demo', password: 'pw' });
    await page.submit();
    await settle();
    expect(router.url).toBe('/timers/abc');

    started.length = 0;
    location.back();
    await settle();
    await harness.fixture.whenStable();
    expect(started.filter((url) => url.startsWith('/sign-in'))).toEqual([]);
    expect(router.url).not.toMatch(/^\/sign-in/);
  });

  it('opening /sign-in while signed in goes to the list', async () => {
    const { harness, router } = await setUp(true);
    await harness.navigateByUrl('/sign-in');
    expect(router.url).toBe('/timers');
    expect(harness.routeDebugElement?.componentInstance).not.toBeInstanceOf(SignInPage);
  });

  it('opening /sign-in while signed in with a returnUrl goes there instead', async () => {
    const { harness, router } = await setUp(true);
    await harness.navigateByUrl('/sign-in?returnUrl=%2Ftimers%2Fnew');
    expect(router.url).toBe('/timers/new');
    await harness.navigateByUrl('/sign-in?returnUrl=%2F%2Fevil.example');
    expect(router.url).toBe('/timers');
  });

  it('every step page opens signed out, each a page of its own', async () => {
    const { harness, router } = await setUp(false);
    const pages = new Set<unknown>();
    for (const path of STEP_PATHS) {
      await harness.navigateByUrl(path);
      expect(router.url).toBe(path);
      pages.add(harness.routeDebugElement?.componentInstance?.constructor);
    }
    expect(pages.size).toBe(STEP_PATHS.length);
  });

  it('every step page sends a signed-in user on, to the returnUrl when there is one', async () => {
    const { harness, router } = await setUp(true);
    for (const path of STEP_PATHS) {
      await harness.navigateByUrl(path);
      expect(router.url).withContext(path).toBe('/timers');
      await harness.navigateByUrl(`${path}?returnUrl=%2Ftimers%2Fnew`);
      expect(router.url).withContext(path).toBe('/timers/new');
    }
  });
});
