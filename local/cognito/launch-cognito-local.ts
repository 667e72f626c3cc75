// cognito-local 5.3.0 as is, plus what it lacks and the demo needs, each emulated as AWS documents
// it in a file of its own and registered here into cognito-local's own target table; then
// cognito-local's own start script runs: same server, same HOST/PORT environment variables, same
// "Cognito Local running on …" ready line.
import { createRequire } from 'node:module';
import { registerAppClientSettings } from './app-client-settings.ts';
import { registerGetTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts';
import { cognitoLocalTargets } from './internals.ts';

const require = createRequire(import.meta.url);
const targets = cognitoLocalTargets();

registerAppClientSettings(targets); // RefreshTokenRotation, AuthSessionValidity on app clients
registerGetTokensFromRefreshToken(targets); // refresh, with rotation
require('cognito-local/lib/bin/start.js');
