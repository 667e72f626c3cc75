/*
 * ngx-cognito-gateway: send the Amplify v6 Cognito token to your API Gateway, and only there.
 */
export { provideCognitoAuth } from './lib/provide';
export { CognitoAuthModule } from './lib/module';
export { cognitoAuthInterceptor, CognitoAuthHttpInterceptor } from './lib/interceptor';
export type { CognitoAuthConfig } from './lib/config';
export { urlMatchesAllowlist } from './lib/url-allowlist';
export { SKIP_COGNITO_AUTH } from './lib/skip-auth';
export { CognitoAuthFailureEvents, CognitoAuthFailures } from './lib/auth-failure-events';
export type { CognitoAuthFailure } from './lib/auth-failure-events';
export { CognitoTokenSource } from './lib/token-source';
export type { CognitoSessionTokens, CognitoTokensChange } from './lib/token-source';
export { CognitoAuthState } from './lib/auth-state';
export type { CognitoAccessTokenClaims } from './lib/auth-state';
export { cognitoAuthGuard } from './lib/guard';
export { withSignInRedirect } from './lib/sign-in-redirect';
export type { CognitoAuthFeature, CognitoSignInRedirectOptions } from './lib/sign-in-redirect';
export { safeReturnUrl } from './lib/return-url';
export {
  CognitoGatewayError,
  CognitoAuthConfigError,
  NotSignedInError,
  TokenRefreshError,
} from './lib/errors';
