import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, Router } from '@angular/router';
import { appTestingProviders } from '../testing';
import { AMPLIFY_AUTH, type AmplifyAuthApi } from './amplify-auth';
import { SignInPage } from './sign-in.page';

describe('SignInPage', () => {
  let amplify: jasmine.SpyObj<AmplifyAuthApi>;

  function setup(query: Record<string, string>) {
    amplify = jasmine.createSpyObj<AmplifyAuthApi>('amplify', ['signIn', 'signOut']);
    amplify.signOut.and.resolveTo();
    TestBed.configureTestingModule({
      providers: [
        ...appTestingProviders(),
        { provide: AMPLIFY_AUTH, useValue: amplify },
        {
          provide: ActivatedRoute,
          useValue: { snapshot: { queryParamMap: convertToParamMap(query) } },
        },
      ],
    });
    const fixture = TestBed.createComponent(SignInPage);
    return { fixture, page: fixture.componentInstance };
  }

  it('signs in with the configured flow and returns to the page the user came from', async () => {
    const { page } = setup({ returnUrl: '/timers/abc' });
    const navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    amplify.signIn.and.resolveTo({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    page.username.set('demo@example.com');
    page.password.set('pw');
    await page.submit(new Event('submit'));
    expect(amplify.signIn).toHaveBeenCalledWith({
      username: 'demo@example.com',
      password: 'pw',
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    });
    expect(navigate).toHaveBeenCalledWith('/timers/abc', { replaceUrl: true });
  });

  it('never follows a returnUrl to another site', async () => {
    const { page } = setup({ returnUrl: '//evil.example/x' });
    const navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    amplify.signIn.and.resolveTo({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    page.username.set('u');
    page.password.set('p');
    await page.submit(new Event('submit'));
    expect(navigate).toHaveBeenCalledWith('/timers', { replaceUrl: true });
  });

  it('shows a readable error for wrong credentials and for an empty form', async () => {
    const { page, fixture } = setup({ reason: 'expired' });
    await page.submit(new Event('submit'));
    expect(page.error()).toBe('Enter your username and password.');
    expect(amplify.signIn).not.toHaveBeenCalled();
    amplify.signIn.and.rejectWith(
      Object.assign(new Error('x'), { name: 'NotAuthorizedException' }),
    );
    page.username.set('u');
    page.password.set('bad');
    await page.submit(new Event('submit'));
    await fixture.whenStable();
    expect(page.error()).toBe('Wrong username or password.');
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Wrong username or password.');
    expect(el.textContent).toContain('Your session ended');
  });
});
