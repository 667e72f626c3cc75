import { mergeApplicationConfig } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { fakeJwt, provideCognitoAuthTesting } from 'ngx-cognito-gateway/testing';
import { App } from './app/app';
import { API_ORIGIN_META } from './app/api-origin';
import { appConfig } from './app/app.config';

const apiOrigin = document
  .querySelector(`meta[name="${API_ORIGIN_META}"]`)
  ?.getAttribute('content');

// A signed-in session without Amplify or Cognito: the library's testing kit hands out a
// JWT-shaped token the test recognises by its subject.
const signedIn = provideCognitoAuthTesting({
  token: fakeJwt({ expiresInSeconds: 3600, claims: { sub: 'ssr-consumer', username: 'ssr-user' } }),
});

bootstrapApplication(
  App,
  mergeApplicationConfig(appConfig(apiOrigin ?? ''), { providers: [signedIn] }),
).catch((error: unknown) => console.error(error));
