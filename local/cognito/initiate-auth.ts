// InitiateAuth, as cognito-local 5.3.0 answers it, plus:
// - AuthFlow USER_AUTH (choice-based sign-in, user-auth.ts), for app clients that allow
//   ALLOW_USER_AUTH; request AuthParameters USERNAME (required), PREFERRED_CHALLENGE, and PASSWORD
//   with PREFERRED_CHALLENGE PASSWORD; answer ChallengeName, Session, ChallengeParameters and
//   AvailableChallenges, or AuthenticationResult.
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
// - REFRESH_TOKEN_AUTH refused for an app client that rotates refresh tokens (app-client-settings.ts).
import { refuseRefreshFlowWhenRotating } from './app-client-settings.ts';
import {
  invalidParameter,
  replaceTarget,
  resourceNotFound,
  type Ctx,
  type Services,
  type Target,
  type TargetTable,
} from './internals.ts';
import { serialized } from './serialized.ts';
import {
  availableChallenges,
  beginFactor,
  selectChallenge,
  userOrPhantom,
  type AuthResponse,
  type FirstFactor,
} from './user-auth.ts';

/** InitiateAuth with AuthFlow USER_AUTH. */
async function userAuth(
  services: Services,
  passwordAuth: Target,
  ctx: Ctx,
  req: Record<string, unknown>,
): Promise<AuthResponse> {
  const clientId = req['ClientId'];
  const params = (req['AuthParameters'] ?? {}) as Record<string, unknown>;
  if (typeof clientId !== 'string' || clientId === '') {
    throw invalidParameter('Missing required parameter ClientId');
  }
  const client = await services.cognito.getAppClient(ctx, clientId);
  if (!client) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  if (!client.ExplicitAuthFlows?.includes('ALLOW_USER_AUTH')) {
    throw invalidParameter('USER_AUTH flow not enabled for this client');
  }
  const username = params['USERNAME'];
  if (typeof username !== 'string' || username === '') {
    throw invalidParameter('Missing required parameter USERNAME');
  }
  const preferred = params['PREFERRED_CHALLENGE'];
  const known = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];
  if (preferred !== undefined && (typeof preferred !== 'string' || !known.includes(preferred))) {
    throw invalidParameter(`PREFERRED_CHALLENGE must be one of ${known.join(', ')}`);
  }
  const signIn = {
    services,
    ctx,
    pool: await services.cognito.getUserPool(ctx, client.UserPoolId),
    client,
    clientMetadata: req['ClientMetadata'] as Record<string, string> | undefined,
    passwordAuth,
  };
  return serialized(client.UserPoolId, async () => {
    const user = await userOrPhantom(signIn, username);
    const available = availableChallenges(signIn.pool, user);
    if (available.includes(preferred as FirstFactor)) {
      return beginFactor(signIn, user, username, preferred as FirstFactor, params['PASSWORD']);
    }
    return selectChallenge(signIn, user, available);
  });
}

function initiateAuth(original: Target, services: Services): Target {
  return async (ctx, req) => {
    await refuseRefreshFlowWhenRotating(services, ctx, req);
    if (req?.['AuthFlow'] === 'USER_AUTH') return userAuth(services, original, ctx, req);
    return original(ctx, req);
  };
}

export function registerInitiateAuth(targets: TargetTable): void {
  for (const name of ['InitiateAuth', 'AdminInitiateAuth'] as const) {
    replaceTarget(targets, name, (original) => {
      if (!original) throw new Error(`cognito-local has no ${name} target`);
      // AdminInitiateAuth: only the refusal of REFRESH_TOKEN_AUTH (USER_AUTH is not emulated there).
      if (name === 'AdminInitiateAuth') {
        return (services) => {
          const target = original(services);
          return async (ctx, req) => {
            await refuseRefreshFlowWhenRotating(services, ctx, req);
            return target(ctx, req);
          };
        };
      }
      return (services) => initiateAuth(original(services), services);
    });
  }
}
