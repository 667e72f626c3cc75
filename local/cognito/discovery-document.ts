// cognito-local 5.3.0's OpenID discovery document names `http://localhost:9229/<poolId>` as the
// issuer whatever address it listens on, while its tokens carry `${IssuerDomain}/<poolId>`, where
// IssuerDomain is http://HOST:PORT (the local stack runs it on 127.0.0.1 and any port). A verifier
// that checks the document, as OpenID Connect Discovery 1.0 §4.3 requires and the local gateway
// and Timer server do, must then refuse it and log why on every start. This serves the document
// with the issuer the tokens carry, as Cognito does: issuer
// https://cognito-idp.<region>.amazonaws.com/<poolId>, jwks_uri under it
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html).
// cognito-local registers the route on its Express app; this swaps in our handler for that one
// path, so nothing else of cognito-local changes.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const DISCOVERY_ROUTE = '/:userPoolId/.well-known/openid-configuration';

/** The document for a pool: the issuer its tokens carry, and the key set on that issuer. */
export function discoveryDocument(issuerDomain: string, userPoolId: string) {
  const issuer = `${issuerDomain}/${userPoolId}`;
  return {
    id_token_signing_alg_values_supported: ['RS256'],
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    issuer,
  };
}

interface Request {
  params: { userPoolId: string };
}
interface Response {
  status(code: number): { json(body: unknown): void };
}
type Get = (this: unknown, path: unknown, ...handlers: unknown[]) => unknown;

/** Before cognito-local's server is created: its discovery route answers with the true issuer. */
export function serveTrueDiscoveryDocument(): void {
  const server = require.resolve('cognito-local/lib/server/server.js');
  const express = require(require.resolve('express', { paths: [server] })) as {
    application: { get: Get };
  };
  // The IssuerDomain cognito-local signs tokens with (from HOST and PORT; its config file could
  // override it, and the local stack writes none).
  const { DefaultConfig } = require('cognito-local/lib/server/config.js') as {
    DefaultConfig: { TokenConfig: { IssuerDomain: string } };
  };
  const issuerDomain = DefaultConfig.TokenConfig.IssuerDomain;
  const get = express.application.get;
  express.application.get = function (this: unknown, path: unknown, ...handlers: unknown[]) {
    if (path !== DISCOVERY_ROUTE || handlers.length === 0) return get.call(this, path, ...handlers);
    return get.call(this, path, (req: Request, res: Response) => {
      res.status(200).json(discoveryDocument(issuerDomain, req.params.userPoolId));
    });
  };
}
