import { Component, PLATFORM_ID, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  CognitoAuthModule,
  cognitoAuthGuard,
  provideCognitoAuth,
  withSignInRedirect,
} from 'ngx-cognito-gateway';
import {
  CognitoAuthTestingOptions,
  FakeCognitoTokenSource,
  provideCognitoAuthTesting,
} from 'ngx-cognito-gateway/testing';

@Component({ template: 'private page' })
class PrivatePage {}

@Component({ template: 'sign-in page' })
class SignInPage {}

@Component({ template: 'public page' })
class PublicPage {}

function setUp(
  options: CognitoAuthTestingOptions,
  { platform = 'browser', signInUrl }: { platform?: string; signInUrl?: string } = {},
) {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      { provide: PLATFORM_ID, useValue: platform },
      provideRouter([
        { path: 'sign-in', component: SignInPage },
        { path: 'login', component: SignInPage },
        { path: 'private/:id', component: PrivatePage, canActivate: [cognitoAuthGuard] },
        {
          path: 'area',
          canActivateChild: [cognitoAuthGuard],
          children: [{ path: 'inner', component: PrivatePage }],
        },
        { path: 'lazy', canMatch: [cognitoAuthGuard], component: PrivatePage },
        { path: '**', component: PublicPage },
      ]),
      provideCognitoAuth(
        { allowedUrls: ['https://api.example.com'] },
        ...(signInUrl ? [withSignInRedirect({ signInUrl })] : []),
      ),
      provideCognitoAuthTesting(options),
    ],
  });
  return TestBed.inject(FakeCognitoTokenSource);
}

let harness: RouterTestingHarness | undefined;

/** Navigates the test's one router harness to `url`; where it ended, and what it shows. */
async function visit(url: string): Promise<{ url: string; text: string }> {
  harness ??= await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  return {
    url: TestBed.inject(Router).url,
    text: (harness.routeNativeElement?.textContent ?? '').trim(),
  };
}

describe('cognitoAuthGuard', () => {
  beforeEach(() => (harness = undefined));

  it('lets a signed-in user through, as canActivate, canActivateChild and canMatch', async () => {
    setUp({});
    expect(await visit('/private/7?tab=2')).toEqual({
      url: '/private/7?tab=2',
      text: 'private page',
    });
    expect((await visit('/area/inner')).text).toBe('private page');
    expect((await visit('/lazy')).text).toBe('private page');
  });

  it('sends a signed-out user to /sign-in with the whole URL as returnUrl', async () => {
    setUp({ signedOut: true });
    const seen = await visit('/private/7?tab=2#top');
    expect(seen.text).toBe('sign-in page');
    const tree = TestBed.inject(Router).parseUrl(seen.url);
    expect(tree.queryParams).toEqual({ returnUrl: '/private/7?tab=2#top' });
    expect((await visit('/area/inner')).url).toBe('/sign-in?returnUrl=%2Farea%2Finner');
  });

  it('as canMatch, uses the URL being navigated to', async () => {
    setUp({ signedOut: true });
    expect((await visit('/lazy?x=1')).url).toBe('/sign-in?returnUrl=%2Flazy%3Fx%3D1');
  });

  it('uses the signInUrl of withSignInRedirect, keeping its own query', async () => {
    setUp({ signedOut: true }, { signInUrl: '/login?lang=en' });
    const { url, text } = await visit('/private/1');
    expect(text).toBe('sign-in page');
    expect(TestBed.inject(Router).parseUrl(url).queryParams).toEqual({
      lang: 'en',
      returnUrl: '/private/1',
    });
  });

  it('takes the same features through CognitoAuthModule.forRoot', async () => {
    TestBed.configureTestingModule({
      imports: [
        CognitoAuthModule.forRoot(
          { allowedUrls: ['https://api.example.com'] },
          withSignInRedirect({ signInUrl: '/login' }),
        ),
      ],
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([
          { path: 'login', component: SignInPage },
          { path: 'private', component: PrivatePage, canActivate: [cognitoAuthGuard] },
        ]),
        provideCognitoAuthTesting({ signedOut: true }),
      ],
    });
    expect(await visit('/private')).toEqual({
      url: '/login?returnUrl=%2Fprivate',
      text: 'sign-in page',
    });
    TestBed.inject(FakeCognitoTokenSource).signIn();
    expect((await visit('/private')).text).toBe('private page');
  });

  it('reads the session afresh on each check: signing in later opens the page', async () => {
    const source = setUp({ signedOut: true });
    expect((await visit('/private/1')).text).toBe('sign-in page');
    source.signIn();
    expect((await visit('/private/1')).text).toBe('private page');
    source.signOut();
    await visit('/elsewhere'); // the router ignores a navigation to the URL it is on
    expect((await visit('/private/1')).text).toBe('sign-in page');
  });

  describe('signed out in another tab', () => {
    /** Where the router is once the sign-out has been read and any navigation is done. */
    async function settledUrl(): Promise<string> {
      const router = TestBed.inject(Router);
      await new Promise((resolve) => setTimeout(resolve));
      while (router.currentNavigation()) await new Promise((resolve) => setTimeout(resolve));
      return router.url;
    }

    it('sends a tab on a guarded page to sign-in, with the way back and why', async () => {
      const source = setUp({});
      for (const page of ['/private/7?tab=2', '/area/inner', '/lazy']) {
        expect((await visit(page)).text).toBe('private page');
        source.signOut({ inAnotherTab: true });
        const url = await settledUrl();
        expect(TestBed.inject(Router).parseUrl(url).queryParams).toEqual({
          returnUrl: page,
          reason: 'signed-out',
        });
        expect(url.startsWith('/sign-in?')).toBe(true);
        source.signIn();
      }
    });

    it('to the signInUrl of withSignInRedirect', async () => {
      const source = setUp({}, { signInUrl: '/login' });
      await visit('/private/1');
      source.signOut({ inAnotherTab: true });
      expect(await settledUrl()).toBe('/login?returnUrl=%2Fprivate%2F1&reason=signed-out');
    });

    it('leaves a page the guard does not protect, and a sign-in in another tab, alone', async () => {
      const source = setUp({});
      await visit('/private/1'); // the guard has run
      await visit('/elsewhere');
      source.signOut({ inAnotherTab: true });
      expect(await settledUrl()).toBe('/elsewhere');
      source.signIn(undefined, { inAnotherTab: true });
      await visit('/private/1');
      source.signIn(undefined, { inAnotherTab: true }); // another user, or a refresh, elsewhere
      expect(await settledUrl()).toBe('/private/1');
    });

    it("leaves a sign-out in this very tab to the app's own navigation", async () => {
      const source = setUp({});
      await visit('/private/1');
      source.signOut();
      expect(await settledUrl()).toBe('/private/1');
    });
  });

  it('on the server lets the render through at once, without asking the token source', async () => {
    const source = setUp({ signedOut: true }, { platform: 'server' });
    expect(await visit('/private/1')).toEqual({ url: '/private/1', text: 'private page' });
    expect((await visit('/lazy')).text).toBe('private page');
    expect(source.fetchCount).toBe(0);
  });
});
