// cognito-local 5.3.0 as is, plus the one action it lacks that Amplify 6.22 needs to refresh tokens
// (GetTokensFromRefreshToken, see get-tokens-from-refresh-token.ts) and a discovery document that
// names the issuer its tokens carry (discovery-document.ts). The action is registered in
// cognito-local's own target table, then cognito-local's own start script runs: same server, same
// HOST/PORT environment variables, same "Cognito Local running on …" ready line.
import { createRequire } from 'node:module';
import { registerGetTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts';
import { serveTrueDiscoveryDocument } from './discovery-document.ts';

const require = createRequire(import.meta.url);

registerGetTokensFromRefreshToken();
serveTrueDiscoveryDocument();
require('cognito-local/lib/bin/start.js');
