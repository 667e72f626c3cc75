// InitiateAuth, as cognito-local 5.3.0 answers it, plus:
// - AuthFlow USER_AUTH (choice-based sign-in, user-auth.ts), for app clients that allow
//   ALLOW_USER_AUTH; request AuthParameters USERNAME (required), PREFERRED_CHALLENGE, and PASSWORD
//   with PREFERRED_CHALLENGE PASSWORD; answer ChallengeName, Session, ChallengeParameters and
//   AvailableChallenges, or AuthenticationResult.
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
// - REFRESH_TOKEN_AUTH refused for an app client that rotates refresh tokens (app-client-settings.ts).
import { refuseRefreshFlowWhenRotating } from './app-client-settings.ts';
import {
  appClient,
  invalidParameter,
  required,
  type Ctx,
  type Services,
  type Target,
  type TargetTable,
} from './internals.ts';
import { serialized } from './serialized.ts';
import { wrapTarget } from './target-table.ts';
import {
  availableChallenges,
  beginFactor,
  selectChallenge,
  signInThrough,
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
  const params = (req['AuthParameters'] ?? {}) as Record<string, unknown>;
  const client = await appClient(services, ctx, required(req['ClientId'], 'ClientId'));
  if (!client.ExplicitAuthFlows?.includes('ALLOW_USER_AUTH')) {
    throw invalidParameter('USER_AUTH flow not enabled for this client');
  }
  const username = required(params['USERNAME'], 'USERNAME');
  const preferred = params['PREFERRED_CHALLENGE'];
  const known = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];
  if (preferred !== undefined && (typeof preferred !== 'string' || !known.includes(preferred))) {
    throw invalidParameter(`PREFERRED_CHALLENGE must be one of ${known.join(', ')}`);
  }
  const signIn = await signInThrough(services, ctx, client, req, passwordAuth);
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
  wrapTarget(targets, 'InitiateAuth', (original) => (services) => {
    return initiateAuth(original(services), services);
  });
  // AdminInitiateAuth: only the refusal of REFRESH_TOKEN_AUTH (USER_AUTH is not emulated there).
  wrapTarget(targets, 'AdminInitiateAuth', (original) => (services) => {
    const target = original(services);
    return async (ctx, req) => {
      await refuseRefreshFlowWhenRotating(services, ctx, req);
      return target(ctx, req);
    };
  });
}
