// cognito-local 5.3.0 as is, plus what it lacks and the demo needs, each emulated as AWS documents
// it in a file of its own and registered here into cognito-local's own target table, and a
// discovery document that names the issuer its tokens carry (discovery-document.ts); then
// cognito-local's own start script runs: same server, same HOST/PORT environment variables, same
// "Cognito Local running on …" ready line.
import { createRequire } from 'node:module';
import { registerAppClientSettings } from './app-client-settings.ts';
import { registerCompleteWebAuthnRegistration } from './complete-web-authn-registration.ts';
import { registerDeleteWebAuthnCredential } from './delete-web-authn-credential.ts';
import { serveTrueDiscoveryDocument } from './discovery-document.ts';
import { registerGetTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts';
import { registerInitiateAuth } from './initiate-auth.ts';
import { registerListWebAuthnCredentials } from './list-web-authn-credentials.ts';
import { registerPasswordPolicy } from './password-policy.ts';
import { registerResendConfirmationCode } from './resend-confirmation-code.ts';
import { registerRespondToAuthChallenge } from './respond-to-auth-challenge.ts';
import { registerStartWebAuthnRegistration } from './start-web-authn-registration.ts';
import { cognitoLocalTargets } from './target-table.ts';
import { registerWebAuthnConfiguration } from './web-authn-configuration.ts';

const require = createRequire(import.meta.url);

// In this order: each takes the targets as registered so far.
const registrations = [
  registerAppClientSettings, // RefreshTokenRotation, AuthSessionValidity on app clients
  registerWebAuthnConfiguration, // WebAuthnConfiguration in Set/GetUserPoolMfaConfig
  registerGetTokensFromRefreshToken, // refresh, with rotation
  registerInitiateAuth, // USER_AUTH; REFRESH_TOKEN_AUTH refused when rotating
  registerRespondToAuthChallenge, // SELECT_CHALLENGE, PASSWORD, EMAIL_OTP, WEB_AUTHN
  registerStartWebAuthnRegistration,
  registerCompleteWebAuthnRegistration,
  registerListWebAuthnCredentials,
  registerDeleteWebAuthnCredential,
  registerResendConfirmationCode,
  // Last, so that the check wraps whatever answers each action that sets a password, emulated or
  // cognito-local's own. An emulated action answers some requests itself, without the target it
  // wraps (RespondToAuthChallenge does for the choice-based challenges): a check registered before
  // it would be skipped for those; registered after it, the check runs first, whoever answers.
  registerPasswordPolicy,
];

const targets = cognitoLocalTargets();
for (const register of registrations) register(targets);
serveTrueDiscoveryDocument();
require('cognito-local/lib/bin/start.js');
