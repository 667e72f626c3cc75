/*
 * ngx-cognito-gateway: send the Amplify v6 Cognito token to your API Gateway, and only there.
 */
export { provideCognitoAuth } from './lib/provide';
export { CognitoAuthModule } from './lib/module';
export { cognitoAuthInterceptor, CognitoAuthHttpInterceptor } from './lib/interceptor';
export type { CognitoAuthConfig } from './lib/config';
export { urlMatchesAllowlist } from './lib/url-allowlist';
export { SKIP_COGNITO_AUTH } from './lib/skip-auth';
export { CognitoAuthFailures } from './lib/auth-failures';
export type { CognitoAuthFailure } from './lib/auth-failures';
export { CognitoTokenSource } from './lib/token-source';
export type { CognitoSessionTokens } from './lib/token-source';
export {
  CognitoGatewayError,
  CognitoAuthConfigError,
  NotSignedInError,
  TokenRefreshError,
} from './lib/errors';
