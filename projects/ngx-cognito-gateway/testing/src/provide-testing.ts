import { EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { CognitoTokenSource } from 'ngx-cognito-gateway';
import { CognitoAuthTestingOptions, FakeCognitoTokenSource } from './fake-token-source';

/**
 * Replaces Amplify with a `FakeCognitoTokenSource` (injectable as itself too), which then drives
 * the interceptor, `CognitoAuthState` and `cognitoAuthGuard`. Put it after
 * `provideCognitoAuth(...)`; a component spec that only needs `CognitoAuthState` (or the guard)
 * needs only this.
 *
 * @example
 * import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
 * import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
 * import { TestBed } from '@angular/core/testing';
 * import { cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
 * import { provideCognitoAuthTesting } from 'ngx-cognito-gateway/testing';
 *
 * TestBed.configureTestingModule({
 *   providers: [
 *     provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
 *     provideHttpClientTesting(),
 *     provideCognitoAuth({ allowedUrls: ['https://api.example.com'] }),
 *     provideCognitoAuthTesting({ signedOut: true }),
 *   ],
 * });
 * TestBed.inject(HttpClient).get('https://api.example.com/tasks').subscribe();
 * const req = TestBed.inject(HttpTestingController).expectOne('https://api.example.com/tasks');
 * expect(req.request.headers.has('Authorization')).toBe(false);
 */
export function provideCognitoAuthTesting(
  options: CognitoAuthTestingOptions = {},
): EnvironmentProviders {
  const source = new FakeCognitoTokenSource(options);
  return makeEnvironmentProviders([
    { provide: FakeCognitoTokenSource, useValue: source },
    { provide: CognitoTokenSource, useValue: source },
  ]);
}
