import { EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { AmplifyTokenSource } from './amplify-token-source';
import { COGNITO_AUTH_CONFIG, CognitoAuthConfig, resolveCognitoAuthConfig } from './config';
import { CognitoTokenSource } from './token-source';

/**
 * Configures the interceptor. Throws `CognitoAuthConfigError` right here, at start-up, for an
 * unusable config. Add `cognitoAuthInterceptor` to `provideHttpClient(withInterceptors([...]))`.
 */
export function provideCognitoAuth(config: CognitoAuthConfig): EnvironmentProviders {
  const resolved = resolveCognitoAuthConfig(config);
  return makeEnvironmentProviders([
    { provide: COGNITO_AUTH_CONFIG, useValue: resolved },
    { provide: CognitoTokenSource, useClass: AmplifyTokenSource },
  ]);
}
