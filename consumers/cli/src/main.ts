import { mergeApplicationConfig } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { fakeJwt, provideCognitoAuthTesting } from 'ngx-cognito-gateway/testing';
import { API_ORIGIN_META, appConfig } from './app/app.config';
import { App } from './app/app';

const apiOrigin = document
  .querySelector(`meta[name="${API_ORIGIN_META}"]`)
  ?.getAttribute('content');

// A session without Amplify or Cognito: the library's testing kit, signed in with a JWT-shaped
// token the test recognises by its subject, or signed out when the test says so.
const session = provideCognitoAuthTesting(
  localStorage.getItem('consumer-signed-out')
    ? { signedOut: true }
    : {
        token: fakeJwt({
          expiresInSeconds: 3600,
          claims: { sub: 'cli-consumer', username: 'cli-user' },
        }),
      },
);

bootstrapApplication(
  App,
  mergeApplicationConfig(appConfig(apiOrigin ?? ''), { providers: [session] }),
).catch((err) => console.error(err));
