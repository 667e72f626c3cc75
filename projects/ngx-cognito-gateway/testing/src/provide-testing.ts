import { EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { CognitoTokenSource } from 'ngx-cognito-gateway';
import { CognitoAuthTestingOptions, FakeCognitoTokenSource } from './fake-token-source';

/**
 * Replaces Amplify with a `FakeCognitoTokenSource` (injectable as itself too). Put it after
 * `provideCognitoAuth(...)`: `providers: [provideCognitoAuth(config), provideCognitoAuthTesting()]`.
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
