// The signed-in user of an action authorized "with a signed-in user's access token. It must include
// the scope aws.cognito.signin.user.admin" (AWS's words for the passkey actions):
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html
// cognito-local's own actions only decode the token; this verifies it: RS256 with cognito-local's
// key, its issuer, not expired (on the emulated actions' clock), an access token with that scope, of
// an existing app client and an enabled user. Any failure is a NotAuthorizedException.
import { createPublicKey } from 'node:crypto';
import { createRequire } from 'node:module';
import { jwtVerify } from 'jose';
import {
  jwtClaims,
  notAuthorized,
  required,
  type AppClient,
  type Ctx,
  type Services,
  type User,
  type UserPool,
} from './internals.ts';
import { localNow } from './local-clock.ts';

const require = createRequire(import.meta.url);

export interface SignedIn {
  user: User;
  pool: UserPool;
  client: AppClient;
}

export async function signedIn(
  services: Services,
  ctx: Ctx,
  accessToken: unknown,
): Promise<SignedIn> {
  const token = required(accessToken, 'AccessToken');
  const clientId = jwtClaims(token)?.['client_id'];
  const client =
    typeof clientId === 'string' ? await services.cognito.getAppClient(ctx, clientId) : null;
  if (!client) throw notAuthorized('Invalid Access Token');
  const pool = await services.cognito.getUserPool(ctx, client.UserPoolId);
  const { jwk } = require('cognito-local/lib/keys/cognitoLocal.public.json') as {
    jwk: Record<string, string>;
  };
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(token, createPublicKey({ key: jwk, format: 'jwk' }), {
      algorithms: ['RS256'],
      issuer: `${services.config.TokenConfig.IssuerDomain}/${pool.options.Id}`,
      currentDate: new Date(localNow()),
    }));
  } catch (error) {
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw notAuthorized(expired ? 'Access Token has expired' : 'Invalid Access Token');
  }
  const scopes = String(claims['scope'] ?? '').split(' ');
  if (claims['token_use'] !== 'access' || !scopes.includes('aws.cognito.signin.user.admin')) {
    throw notAuthorized('Access Token does not have required scopes');
  }
  const user = await pool.getUserByUsername(ctx, String(claims['sub']));
  if (!user) throw notAuthorized('Invalid Access Token');
  if (user.Enabled === false) throw notAuthorized('User is disabled.');
  return { user, pool, client };
}
