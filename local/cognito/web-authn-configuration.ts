// A user pool's passkey settings, which cognito-local 5.3.0 does not store: SetUserPoolMfaConfig
// takes WebAuthnConfiguration { RelyingPartyId, UserVerification: required | preferred } and
// GetUserPoolMfaConfig answers it, as AWS documents:
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
// (CloudFormation sets the same two as the pool's WebAuthnRelyingPartyID and
// WebAuthnUserVerification.) They are kept in the pool's options, in cognito-local's pool file.
import {
  invalidParameter,
  type TargetFactory,
  type TargetTable,
  type UserPoolOptions,
  type WebAuthnConfiguration,
} from './internals.ts';
import { wrapTarget } from './target-table.ts';

function validated(value: unknown): WebAuthnConfiguration | undefined {
  if (value === undefined) return undefined;
  const { RelyingPartyId, UserVerification } = (value ?? {}) as Record<string, unknown>;
  if (
    RelyingPartyId !== undefined &&
    (typeof RelyingPartyId !== 'string' || RelyingPartyId.length < 1 || RelyingPartyId.length > 127)
  ) {
    throw invalidParameter('WebAuthnConfiguration.RelyingPartyId must be 1 to 127 characters');
  }
  if (
    UserVerification !== undefined &&
    UserVerification !== 'required' &&
    UserVerification !== 'preferred'
  ) {
    throw invalidParameter('WebAuthnConfiguration.UserVerification must be required or preferred');
  }
  return {
    ...(RelyingPartyId === undefined ? {} : { RelyingPartyId }),
    ...(UserVerification === undefined ? {} : { UserVerification }),
  };
}

/** What AWS answers: the relying party when set, user verification `preferred` by default. */
export function webAuthnConfiguration(options: UserPoolOptions): WebAuthnConfiguration {
  return { UserVerification: 'preferred', ...options.WebAuthnConfiguration };
}

function setting(original: TargetFactory): TargetFactory {
  return (services) => {
    const target = original(services);
    return async (ctx, req) => {
      const configuration = validated(req?.['WebAuthnConfiguration']);
      const response = (await target(ctx, req)) as Record<string, unknown>;
      const pool = await services.cognito.getUserPool(ctx, String(req['UserPoolId']));
      if (configuration) {
        await pool.updateOptions(ctx, {
          ...pool.options,
          WebAuthnConfiguration: { ...pool.options.WebAuthnConfiguration, ...configuration },
        });
      }
      return { ...response, WebAuthnConfiguration: webAuthnConfiguration(pool.options) };
    };
  };
}

function getting(original: TargetFactory): TargetFactory {
  return (services) => {
    const target = original(services);
    return async (ctx, req) => {
      const response = (await target(ctx, req)) as Record<string, unknown>;
      const pool = await services.cognito.getUserPool(ctx, String(req['UserPoolId']));
      return { ...response, WebAuthnConfiguration: webAuthnConfiguration(pool.options) };
    };
  };
}

export function registerWebAuthnConfiguration(targets: TargetTable): void {
  wrapTarget(targets, 'SetUserPoolMfaConfig', setting);
  wrapTarget(targets, 'GetUserPoolMfaConfig', getting);
}
