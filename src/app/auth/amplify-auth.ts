import { InjectionToken } from '@angular/core';
import { Amplify } from 'aws-amplify';
import { signIn, signOut } from 'aws-amplify/auth';
import type { RuntimeConfig } from '../config/runtime-config';

/** The few Amplify calls the app makes, behind a token so specs can replace them. */
export interface AmplifyAuthApi {
  signIn: typeof signIn;
  signOut: typeof signOut;
}

export const AMPLIFY_AUTH = new InjectionToken<AmplifyAuthApi>('AMPLIFY_AUTH', {
  providedIn: 'root',
  factory: () => ({ signIn, signOut }),
});

/** Amplify v6 configuration; `userPoolEndpoint` points the Cognito calls at cognito-local offline. */
export function configureAmplify(config: RuntimeConfig): void {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.userPoolClientId,
        ...(config.cognitoEndpoint ? { userPoolEndpoint: config.cognitoEndpoint } : {}),
      },
    },
  });
}
