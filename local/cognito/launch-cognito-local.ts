// cognito-local 5.3.0 as is, plus what it lacks and the demo needs, each emulated as AWS documents
// it in a file of its own and registered here into cognito-local's own target table, and a
// discovery document that names the issuer its tokens carry (discovery-document.ts); then
// cognito-local's own start script runs: same server, same HOST/PORT environment variables, same
// "Cognito Local running on …" ready line.
import { createRequire } from 'node:module';
import { registerAppClientSettings } from './app-client-settings.ts';
import { registerCompleteWebAuthnRegistration } from './complete-web-authn-registration.ts';
import { registerDeleteWebAuthnCredential } from './delete-web-authn-credential.ts';
import { registerGetTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts';
import { serveTrueDiscoveryDocument } from './discovery-document.ts';
import { registerInitiateAuth } from './initiate-auth.ts';
import { cognitoLocalTargets } from './internals.ts';
import { registerListWebAuthnCredentials } from './list-web-authn-credentials.ts';
import { registerRespondToAuthChallenge } from './respond-to-auth-challenge.ts';
import { registerStartWebAuthnRegistration } from './start-web-authn-registration.ts';
import { registerWebAuthnConfiguration } from './web-authn-configuration.ts';
import { registerPasswordPolicy } from './password-policy.ts';
import { registerResendConfirmationCode } from './resend-confirmation-code.ts';

const require = createRequire(import.meta.url);
const targets = cognitoLocalTargets();

registerAppClientSettings(targets); // RefreshTokenRotation, AuthSessionValidity on app clients
registerWebAuthnConfiguration(targets); // WebAuthnConfiguration in Set/GetUserPoolMfaConfig
registerGetTokensFromRefreshToken(targets); // refresh, with rotation
registerInitiateAuth(targets); // USER_AUTH; REFRESH_TOKEN_AUTH refused when rotating
registerRespondToAuthChallenge(targets); // SELECT_CHALLENGE, PASSWORD, EMAIL_OTP, WEB_AUTHN
registerStartWebAuthnRegistration(targets);
registerCompleteWebAuthnRegistration(targets);
registerListWebAuthnCredentials(targets);
registerDeleteWebAuthnCredential(targets);
registerResendConfirmationCode();
// Last: it checks new passwords, then hands on to the actions registered above.
registerPasswordPolicy();
serveTrueDiscoveryDocument();
require('cognito-local/lib/bin/start.js');
