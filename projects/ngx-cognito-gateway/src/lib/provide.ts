import { EnvironmentProviders, Provider, makeEnvironmentProviders } from '@angular/core';
import { AmplifyTokenSource } from './amplify-token-source';
import { COGNITO_AUTH_CONFIG, CognitoAuthConfig, resolveCognitoAuthConfig } from './config';
import type { CognitoAuthFeature } from './sign-in-redirect';
import { CognitoTokenService } from './token-service';
import { CognitoTokenSource } from './token-source';

/**
 * Configures the interceptor, with optional features such as `withSignInRedirect()`. Throws
 * `CognitoAuthConfigError` right here, at start-up, for an unusable config. Add
 * `cognitoAuthInterceptor` to `provideHttpClient(withInterceptors([...]))`.
 *
 * @example
 * import { provideHttpClient, withInterceptors } from '@angular/common/http';
 * import { bootstrapApplication } from '@angular/platform-browser';
 * import { cognitoAuthInterceptor, provideCognitoAuth } from 'ngx-cognito-gateway';
 *
 * bootstrapApplication(AppComponent, {
 *   providers: [
 *     provideHttpClient(withInterceptors([cognitoAuthInterceptor])),
 *     provideCognitoAuth({ allowedUrls: ['https://abc123.execute-api.eu-west-1.amazonaws.com/'] }),
 *   ],
 * });
 */
export function provideCognitoAuth(
  config: CognitoAuthConfig,
  ...features: CognitoAuthFeature[]
): EnvironmentProviders {
  return makeEnvironmentProviders(cognitoAuthProviders(config, features));
}

/** What both `provideCognitoAuth` and `CognitoAuthModule.forRoot` provide. */
export function cognitoAuthProviders(
  config: CognitoAuthConfig,
  features: readonly CognitoAuthFeature[],
): (Provider | EnvironmentProviders)[] {
  return [
    { provide: COGNITO_AUTH_CONFIG, useValue: resolveCognitoAuthConfig(config) },
    { provide: CognitoTokenSource, useClass: AmplifyTokenSource },
    CognitoTokenService,
    ...features.flatMap((feature) => feature.providers),
  ];
}
