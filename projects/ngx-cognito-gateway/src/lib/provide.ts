import { EnvironmentProviders, Provider, makeEnvironmentProviders } from '@angular/core';
import { AmplifyTokenSource } from './amplify-token-source';
import { COGNITO_AUTH_HANDLER, createAuthHandler } from './auth-handler';
import { COGNITO_AUTH_CONFIG, CognitoAuthConfig, resolveCognitoAuthConfig } from './config';
import { CognitoTokenSource } from './token-source';

/**
 * Configures the interceptor. Throws `CognitoAuthConfigError` right here, at start-up, for an
 * unusable config. Add `cognitoAuthInterceptor` to `provideHttpClient(withInterceptors([...]))`.
 */
export function provideCognitoAuth(config: CognitoAuthConfig): EnvironmentProviders {
  return makeEnvironmentProviders(cognitoAuthProviders(config));
}

/** What both `provideCognitoAuth` and `CognitoAuthModule.forRoot` provide. */
export function cognitoAuthProviders(config: CognitoAuthConfig): Provider[] {
  return [
    { provide: COGNITO_AUTH_CONFIG, useValue: resolveCognitoAuthConfig(config) },
    { provide: CognitoTokenSource, useClass: AmplifyTokenSource },
    { provide: COGNITO_AUTH_HANDLER, useFactory: createAuthHandler },
  ];
}
