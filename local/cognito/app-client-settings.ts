// Two app client settings cognito-local 5.3.0 drops, kept by CreateUserPoolClient,
// UpdateUserPoolClient and DescribeUserPoolClient here as AWS documents them:
// - RefreshTokenRotation { Feature: ENABLED | DISABLED, RetryGracePeriodSeconds 0..60 }
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html
// - AuthSessionValidity: minutes (3 to 15, default 3) a sign-in session lasts between challenges
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
// They are stored on cognito-local's own client record (`.cognito/db/clients.json`). As for the
// other settings there, an UpdateUserPoolClient that leaves one out keeps it (AWS resets it to its
// default; the seed always sends both).
import {
  invalidParameter,
  type AppClient,
  type Ctx,
  type RefreshTokenRotation,
  type Services,
  type TargetFactory,
  type TargetTable,
} from './internals.ts';
import { wrapTarget } from './target-table.ts';

export const DEFAULT_AUTH_SESSION_MINUTES = 3;

type ClientResponse = { UserPoolClient?: AppClient };

/** The client's rotation setting; a client created without one does not rotate. */
export function rotationOf(client: AppClient): Required<RefreshTokenRotation> {
  const rotation = client.RefreshTokenRotation;
  return rotation?.Feature === 'ENABLED'
    ? { Feature: 'ENABLED', RetryGracePeriodSeconds: rotation.RetryGracePeriodSeconds ?? 0 }
    : { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 };
}

/** How long a sign-in session (and its code or passkey challenge) lasts, in milliseconds. */
export function authSessionMs(client: AppClient): number {
  return (client.AuthSessionValidity ?? DEFAULT_AUTH_SESSION_MINUTES) * 60_000;
}

/**
 * "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation
 * enabled", and AWS says to turn the flow off on such a client; AWS does not document the error, so
 * this answers as for a flow the client does not allow: 400 InvalidParameterException.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
 */
export async function refuseRefreshFlowWhenRotating(
  services: Services,
  ctx: Ctx,
  req: Record<string, unknown> | undefined,
): Promise<void> {
  const flow = req?.['AuthFlow'];
  if (flow !== 'REFRESH_TOKEN_AUTH' && flow !== 'REFRESH_TOKEN') return;
  const clientId = req?.['ClientId'];
  const client =
    typeof clientId === 'string' ? await services.cognito.getAppClient(ctx, clientId) : null;
  if (client && rotationOf(client).Feature === 'ENABLED') {
    throw invalidParameter(
      `${flow} flow not enabled for this client: it rotates refresh tokens; refresh with GetTokensFromRefreshToken`,
    );
  }
}

function validated(req: Record<string, unknown>): Partial<AppClient> {
  const out: Partial<AppClient> = {};
  const rotation = req['RefreshTokenRotation'];
  if (rotation !== undefined) {
    const { Feature, RetryGracePeriodSeconds } = (rotation ?? {}) as Record<string, unknown>;
    if (Feature !== 'ENABLED' && Feature !== 'DISABLED') {
      throw invalidParameter('RefreshTokenRotation.Feature must be ENABLED or DISABLED');
    }
    const grace = RetryGracePeriodSeconds;
    if (
      grace !== undefined &&
      (!Number.isInteger(grace) || (grace as number) < 0 || (grace as number) > 60)
    ) {
      throw invalidParameter('RefreshTokenRotation.RetryGracePeriodSeconds must be 0 to 60');
    }
    out.RefreshTokenRotation = {
      Feature,
      ...(grace === undefined ? {} : { RetryGracePeriodSeconds: grace as number }),
    };
  }
  const minutes = req['AuthSessionValidity'];
  if (minutes !== undefined) {
    if (!Number.isInteger(minutes) || (minutes as number) < 3 || (minutes as number) > 15) {
      throw invalidParameter('AuthSessionValidity must be 3 to 15 minutes');
    }
    out.AuthSessionValidity = minutes as number;
  }
  return out;
}

/** The stored settings added to a response's UserPoolClient. */
function withSettings(response: ClientResponse, client: AppClient | null): ClientResponse {
  if (!response.UserPoolClient || !client) return response;
  return {
    ...response,
    UserPoolClient: {
      ...response.UserPoolClient,
      RefreshTokenRotation: rotationOf(client),
      AuthSessionValidity: client.AuthSessionValidity ?? DEFAULT_AUTH_SESSION_MINUTES,
    },
  };
}

function keepingSettings(original: TargetFactory): TargetFactory {
  return (services) => {
    const target = original(services);
    return async (ctx, req) => {
      const settings = validated(req ?? {});
      const response = (await target(ctx, req)) as ClientResponse;
      const clientId = response.UserPoolClient?.ClientId;
      if (clientId === undefined) return response;
      let client = await services.cognito.getAppClient(ctx, clientId);
      if (client && Object.keys(settings).length > 0) {
        client = { ...client, ...settings };
        const pool = await services.cognito.getUserPool(ctx, client.UserPoolId);
        await pool.saveAppClient(ctx, client);
      }
      return withSettings(response, client);
    };
  };
}

/** CreateUserPoolClient, UpdateUserPoolClient and DescribeUserPoolClient keep both settings. */
export function registerAppClientSettings(targets: TargetTable): void {
  for (const name of ['CreateUserPoolClient', 'UpdateUserPoolClient', 'DescribeUserPoolClient']) {
    wrapTarget(targets, name, keepingSettings);
  }
}
