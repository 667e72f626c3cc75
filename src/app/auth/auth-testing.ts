// Helpers for the auth pages' specs only. The app's tsconfig compiles every non-spec file under
// src/ (nothing imports this one into the bundle), so it names Jasmine's types itself.
/// <reference types="jasmine" />
import { type EnvironmentProviders, type Provider, type Type } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, Router, type ParamMap } from '@angular/router';
import { BehaviorSubject } from 'rxjs';
import type { RuntimeConfig } from '../config/runtime-config';
import { RUNTIME_CONFIG } from '../config/runtime-config.token';
import { appTestingProviders, TEST_CONFIG } from '../testing';
import { AMPLIFY_AUTH, type AmplifyAuthApi } from './amplify-auth';
import { AMPLIFY_STEPS, type AmplifyStepsApi } from './amplify-steps';
import { SignInFlow } from './sign-in-flow';

/** Amplify as the specs see it: every call a Jasmine spy, set per test. */
export interface FakeAmplify {
  auth: jasmine.SpyObj<AmplifyAuthApi>;
  steps: jasmine.SpyObj<AmplifyStepsApi>;
}

export function fakeAmplify(): FakeAmplify {
  const auth = jasmine.createSpyObj<AmplifyAuthApi>('amplify', ['signIn', 'signOut']);
  auth.signOut.and.resolveTo();
  const steps = jasmine.createSpyObj<AmplifyStepsApi>('amplifySteps', [
    'confirmSignIn',
    'signUp',
    'confirmSignUp',
    'resendSignUpCode',
    'autoSignIn',
    'resetPassword',
    'confirmResetPassword',
  ]);
  return { auth, steps };
}

/** The route as the pages read it: the query now (snapshot) and as it changes. */
interface FakeRoute {
  snapshot: { queryParamMap: ParamMap };
  queryParamMap: BehaviorSubject<ParamMap>;
}

/**
 * The app's testing providers, a fake Amplify, a route with these query parameters, and the
 * testing config with `config` over it.
 */
export function authTestingProviders(
  amplify: FakeAmplify,
  query: Record<string, string> = {},
  config: Partial<RuntimeConfig> = {},
): (Provider | EnvironmentProviders)[] {
  return [
    ...appTestingProviders(),
    { provide: RUNTIME_CONFIG, useValue: { ...TEST_CONFIG, ...config } },
    { provide: AMPLIFY_AUTH, useValue: amplify.auth },
    { provide: AMPLIFY_STEPS, useValue: amplify.steps },
    {
      provide: ActivatedRoute,
      useValue: {
        snapshot: { queryParamMap: convertToParamMap(query) },
        queryParamMap: new BehaviorSubject(convertToParamMap(query)),
      } satisfies FakeRoute,
    },
  ];
}

/**
 * The page shown again with these query parameters, as Ionic does with a page still in its stack
 * whatever the query (`/sign-in?reason=password-changed` after an earlier `/sign-in`).
 */
export async function showAgain(
  fixture: ComponentFixture<unknown>,
  query: Record<string, string>,
): Promise<void> {
  const route = TestBed.inject(ActivatedRoute) as unknown as FakeRoute;
  route.snapshot.queryParamMap = convertToParamMap(query);
  route.queryParamMap.next(route.snapshot.queryParamMap);
  await fixture.whenStable();
}

/** Router navigation spies (no routes are configured in these specs). */
export function spyOnNavigation() {
  const router = TestBed.inject(Router);
  return {
    navigate: spyOn(router, 'navigate').and.resolveTo(true),
    navigateByUrl: spyOn(router, 'navigateByUrl').and.resolveTo(true),
  };
}

/**
 * One auth page, rendered and stable, over a fake Amplify and a route with these query parameters;
 * `before` sets up the sign-in in progress (what earlier steps left) before the page is made;
 * `providers` and `config` replace what the page would get otherwise.
 */
export async function renderAuthPage<T>(
  component: Type<T>,
  query: Record<string, string> = {},
  before: (flow: SignInFlow) => void = () => undefined,
  providers: (Provider | EnvironmentProviders)[] = [],
  config: Partial<RuntimeConfig> = {},
) {
  const amplify = fakeAmplify();
  // What an earlier spec's sign-in left in the tab (the open challenge) is not this one's.
  sessionStorage.clear();
  TestBed.configureTestingModule({
    providers: [...authTestingProviders(amplify, query, config), ...providers],
  });
  const flow = TestBed.inject(SignInFlow);
  before(flow);
  const fixture = TestBed.createComponent(component);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  /** The error the field shows once the page is stable, as a person sees it; null for none. */
  const errorOf = async (field: string) => {
    await fixture.whenStable();
    return shownError(el, field);
  };
  return {
    amplify,
    flow,
    fixture,
    page: fixture.componentInstance,
    el,
    errorOf,
    nav: spyOnNavigation(),
  };
}

/**
 * The error an `ion-input` shows: its error text while Ionic shows one (marked `ion-invalid` and
 * `ion-touched`); null when it shows none.
 */
export function shownError(host: HTMLElement, field: string): string | null {
  const input = host.querySelector<HTMLIonInputElement>(`ion-input[name=${field}]`);
  if (!input) throw new Error(`no ion-input named ${field}`);
  const shown = input.classList.contains('ion-invalid') && input.classList.contains('ion-touched');
  return shown ? String(input.errorText ?? '') : null;
}

/** An error as Amplify throws it: named after Cognito's exception. */
export function cognitoError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name });
}

/** Types into an `ion-input` the way the page hears it: an ionInput event with the new value. */
export function typeInto(host: HTMLElement, field: string, value: string): void {
  const input = host.querySelector(`ion-input[name=${field}]`)!;
  (input as unknown as { value: string }).value = value;
  input.dispatchEvent(new CustomEvent('ionInput', { detail: { value } }));
}
