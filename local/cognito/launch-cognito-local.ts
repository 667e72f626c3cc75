// cognito-local 5.3.0 as is, plus what it lacks that the demo needs: each emulated action in a file
// of its own under local/cognito/, registered here with one line in cognito-local's own target
// table; then cognito-local's own start script runs: same server, same HOST/PORT environment
// variables, same "Cognito Local running on …" ready line.
import { createRequire } from 'node:module';
import { registerGetTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts';
import { registerPasswordPolicy } from './password-policy.ts';
import { registerResendConfirmationCode } from './resend-confirmation-code.ts';

const require = createRequire(import.meta.url);

registerGetTokensFromRefreshToken();
registerResendConfirmationCode();
registerPasswordPolicy();
require('cognito-local/lib/bin/start.js');
