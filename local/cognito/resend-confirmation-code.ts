// The Cognito action ResendConfirmationCode for cognito-local 5.3.0, which does not implement it
// (it answers 500 "Cognito Local unsupported feature"). Amplify's resendSignUpCode calls it: the
// demo's "Send a new code" after sign-up.
//
// Behaviour as AWS documents it:
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResendConfirmationCode.html
// - request: ClientId and Username (required), SecretHash (required when the app client has a
//   secret: Base64(HMAC-SHA256(secret, Username + ClientId))), ClientMetadata;
// - a new code goes to the attribute in the pool's AutoVerifiedAttributes, and the answer says
//   where: CodeDeliveryDetails { AttributeName, DeliveryMedium, Destination }, the address masked;
// - a user who is already confirmed: 400 InvalidParameterException;
// - an unknown user: with the app client's PreventUserExistenceErrors ENABLED, a normal answer
//   with a simulated destination, and no code sent; LEGACY: 400 UserNotFoundException
//   (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
//
// The code is delivered the way cognito-local delivers its own (its message service: the
// console, or a CustomMessage/CustomEmailSender trigger, with source ResendCode) and kept on the
// user record in its data file as ConfirmationCode, where ConfirmSignUp checks it and where the
// sign-up code already is: people find it in the `DEBUG=1 npm start` output, tests in the data
// file (codes.ts).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  cognitoError,
  emailDelivery,
  invalidParameter,
  masked,
  notAuthorized,
  required,
  type CodeDeliveryDetails,
  type Services,
  type Target,
  type TargetTable,
  type User,
} from './internals.ts';
import { addTarget } from './target-table.ts';

const require = createRequire(import.meta.url);

export const TARGET = 'ResendConfirmationCode';

export interface ResendConfirmationCodeRequest {
  ClientId?: string;
  Username?: string;
  SecretHash?: string;
  ClientMetadata?: Record<string, string>;
}

const { selectAppropriateDeliveryMethod } =
  require('cognito-local/lib/services/messageDelivery/deliveryMethod.js') as {
    selectAppropriateDeliveryMethod(attributes: string[], user: User): CodeDeliveryDetails | null;
  };

function secretHash(secret: string, username: string, clientId: string): Buffer {
  return createHmac('sha256', secret)
    .update(username + clientId)
    .digest();
}

/** The answer: where the code went, the address masked as Cognito shows it. */
function sentTo(details: CodeDeliveryDetails) {
  return { CodeDeliveryDetails: { ...details, Destination: masked(details) } };
}

export function registerResendConfirmationCode(targets: TargetTable): void {
  addTarget(targets, TARGET, resendConfirmationCode);
}

function resendConfirmationCode(
  services: Services,
): Target<ResendConfirmationCodeRequest | undefined> {
  return async (ctx, req) => {
    const ClientId = required(req?.ClientId, 'ClientId');
    const Username = required(req?.Username, 'Username');
    // An unknown client: ResourceNotFoundException, as for every action.
    const pool = await services.cognito.getUserPoolForClientId(ctx, ClientId);
    const client = await services.cognito.getAppClient(ctx, ClientId);
    if (client?.ClientSecret !== undefined) {
      const expected = secretHash(client.ClientSecret, Username, ClientId);
      const given = Buffer.from(
        typeof req?.SecretHash === 'string' ? req.SecretHash : '',
        'base64',
      );
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw notAuthorized(`Unable to verify secret hash for client ${ClientId}`);
      }
    }

    const user = await pool.getUserByUsername(ctx, Username);
    if (!user) {
      if (client?.PreventUserExistenceErrors !== 'ENABLED') {
        throw cognitoError('UserNotFoundException', 'Username/client id combination not found.');
      }
      // Nothing is sent; the answer looks like the one for an account that exists (this pool's
      // usernames are email addresses).
      return sentTo(emailDelivery(Username));
    }
    if (user.UserStatus === 'CONFIRMED') {
      throw invalidParameter('User is already confirmed.');
    }
    const details = selectAppropriateDeliveryMethod(
      pool.options.AutoVerifiedAttributes ?? [],
      user,
    );
    if (!details) {
      throw invalidParameter('User has no attribute matching desired auto verified attributes');
    }
    const code = services.otp();
    await services.messages.deliver(
      ctx,
      'ResendCode',
      ClientId,
      pool.options.Id,
      user,
      code,
      req?.ClientMetadata,
      details,
    );
    await pool.saveUser(ctx, {
      ...user,
      ConfirmationCode: code,
      UserLastModifiedDate: services.clock.get(),
    });
    return sentTo(details);
  };
}
