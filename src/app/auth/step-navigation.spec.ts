import { TestBed } from '@angular/core/testing';
import { authTestingProviders, fakeAmplify, spyOnNavigation } from './auth-testing';
import { SignInFlow } from './sign-in-flow';
import { stepNavigation } from './step-navigation';

describe('stepNavigation', () => {
  function setup(query: Record<string, string>) {
    const amplify = fakeAmplify();
    TestBed.configureTestingModule({ providers: authTestingProviders(amplify, query) });
    const nav = TestBed.runInInjectionContext(stepNavigation);
    return { amplify, nav, router: spyOnNavigation(), flow: TestBed.inject(SignInFlow) };
  }

  it('carries the returnUrl to the next page, with the extras asked for', async () => {
    const { nav, router } = setup({ returnUrl: '/timers/new', other: 'dropped' });
    expect(nav.returnUrlQuery()).toEqual({ returnUrl: '/timers/new' });
    await nav.to('/sign-in', { username: 'ann', reason: 'confirmed' }, { replaceUrl: true });
    expect(router.navigate).toHaveBeenCalledWith(['/sign-in'], {
      queryParams: { returnUrl: '/timers/new', username: 'ann', reason: 'confirmed' },
      replaceUrl: true,
    });
  });

  it('answers the challenge and, signed in, goes where the person was going', async () => {
    const { amplify, nav, router } = setup({ returnUrl: '/timers/abc' });
    amplify.steps.confirmSignIn.and.resolveTo({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
    await nav.answer('123456');
    expect(amplify.steps.confirmSignIn).toHaveBeenCalledWith({ challengeResponse: '123456' });
    expect(router.navigateByUrl).toHaveBeenCalledWith('/timers/abc', { replaceUrl: true });
  });

  it('signs in after sign-up as the new user and follows the next step', async () => {
    const { amplify, nav, router, flow } = setup({});
    amplify.steps.autoSignIn.and.resolveTo({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' },
    });
    await nav.autoSignIn('ann@example.com');
    expect(flow.username()).toBe('ann@example.com');
    expect(router.navigate).toHaveBeenCalledWith(['/sign-in/totp'], { queryParams: {} });
  });
});
