// The harness shared by the interceptor's specs: TestBed with the interceptor wired either way,
// the testing backend and the fake token source (answering asynchronously, as Amplify does), on
// jasmine's mock clock.
import {
  HttpClient,
  provideHttpClient,
  withInterceptors,
  withInterceptorsFromDi,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  CognitoAuthConfig,
  CognitoAuthFailure,
  CognitoAuthFailureEvents,
  CognitoAuthModule,
  cognitoAuthInterceptor,
  provideCognitoAuth,
} from 'ngx-cognito-gateway';
import {
  CognitoAuthTestingOptions,
  FakeCognitoTokenSource,
  fakeJwt,
  provideCognitoAuthTesting,
} from 'ngx-cognito-gateway/testing';
import { settle } from './settle';

export const API = 'https://api.example.com/v1';
export const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

export interface Harness {
  http: HttpClient;
  backend: HttpTestingController;
  source: FakeCognitoTokenSource;
  failures: CognitoAuthFailure[];
}

export function setUp(
  config: Partial<CognitoAuthConfig> = {},
  testing: CognitoAuthTestingOptions = {},
  wiring: 'standalone' | 'ngmodule' = 'standalone',
): Harness {
  const auth = { allowedUrls: [API], ...config };
  TestBed.configureTestingModule(
    wiring === 'standalone'
      ? {
          providers: [
            provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
            provideHttpClientTesting(),
            provideCognitoAuth(auth),
            provideCognitoAuthTesting(testing),
          ],
        }
      : {
          imports: [CognitoAuthModule.forRoot(auth)],
          providers: [
            provideHttpClient(withInterceptorsFromDi()),
            provideHttpClientTesting(),
            provideCognitoAuthTesting(testing),
          ],
        },
  );
  const failures: CognitoAuthFailure[] = [];
  TestBed.inject(CognitoAuthFailureEvents).events.subscribe((failure) => failures.push(failure));
  const source = TestBed.inject(FakeCognitoTokenSource);
  // Answers through fetchTokens only, as Amplify does, so these specs take the path every
  // production request takes; the kit's own synchronous answer has its specs in testing/.
  spyOn(source, 'currentTokens').and.returnValue(undefined);
  return {
    http: TestBed.inject(HttpClient),
    backend: TestBed.inject(HttpTestingController),
    source,
    failures,
  };
}

/** A token issued an hour ago, so its refresh margin is the full minute. */
export function hourLongTokenExpiringIn(seconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  return fakeJwt({ expiresInSeconds: seconds, claims: { iat: now + seconds - 3600 } });
}

export async function sent(backend: HttpTestingController, url: string) {
  await settle();
  return backend.expectOne(url);
}

/** Every spec of the interceptor runs on jasmine's mock clock, set to a fixed time. */
export function useMockClock(): void {
  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(Date.UTC(2026, 0, 1, 12)));
  });
  afterEach(() => {
    jasmine.clock().uninstall();
    TestBed.inject(HttpTestingController).verify();
  });
}
