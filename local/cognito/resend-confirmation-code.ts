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
// sign-up code already is: people find it in the `DEBUG=1 npm start` output, the e2e suite in the
// data file (e2e/cognito-codes.ts).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { cognitoLocalTargets } from './internals.ts';

const require = createRequire(import.meta.url);

export const TARGET = 'ResendConfirmationCode';

export interface ResendConfirmationCodeRequest {
  ClientId?: string;
  Username?: string;
  SecretHash?: string;
  ClientMetadata?: Record<string, string>;
}

export interface CodeDeliveryDetails {
  AttributeName: string;
  DeliveryMedium: 'EMAIL' | 'SMS';
  Destination: string;
}

// The little of cognito-local's internals this uses (its .d.ts files need aws-sdk v2's types).
interface User {
  Username: string;
  UserStatus?: string;
  Attributes?: { Name: string; Value?: string }[];
}
interface UserPool {
  options: { Id: string; AutoVerifiedAttributes?: string[] };
  getUserByUsername(ctx: unknown, username: string): Promise<User | null>;
  saveUser(
    ctx: unknown,
    user: User & { ConfirmationCode: string; UserLastModifiedDate: Date },
  ): Promise<void>;
}
interface Services {
  clock: { get(): Date };
  otp(): string;
  cognito: {
    getAppClient(
      ctx: unknown,
      id: string,
    ): Promise<{ ClientSecret?: string; PreventUserExistenceErrors?: string } | null>;
    getUserPoolForClientId(ctx: unknown, id: string): Promise<UserPool>;
  };
  messages: {
    deliver(
      ...args: [unknown, string, string, string, User, string, unknown, CodeDeliveryDetails]
    ): Promise<void>;
  };
}
type Target = (ctx: unknown, req: ResendConfirmationCodeRequest) => Promise<unknown>;
type TargetTable = Record<string, (services: Services) => Target>;

const errors = require('cognito-local/lib/errors.js') as Record<
  'InvalidParameterError' | 'NotAuthorizedError' | 'UserNotFoundError',
  new (message?: string) => Error
>;
const { selectAppropriateDeliveryMethod } =
  require('cognito-local/lib/services/messageDelivery/deliveryMethod.js') as {
    selectAppropriateDeliveryMethod(
      attributes: string[],
      user: User,
    ): Omit<CodeDeliveryDetails, 'Destination'> & { Destination: string };
  };

/** Where a code went, as Cognito shows it: `d***@e***`, or a phone number's last four digits. */
export function masked({ DeliveryMedium, Destination }: CodeDeliveryDetails): string {
  if (DeliveryMedium === 'SMS') return `+*******${Destination.slice(-4)}`;
  const [local = '', domain = ''] = Destination.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

function secretHash(secret: string, username: string, clientId: string): Buffer {
  return createHmac('sha256', secret)
    .update(username + clientId)
    .digest();
}

/** Adds ResendConfirmationCode to cognito-local's targets (idempotent). */
export function registerResendConfirmationCode(
  targets = cognitoLocalTargets() as unknown as TargetTable,
) {
  targets[TARGET] = resendConfirmationCode;
}

function resendConfirmationCode(services: Services): Target {
  return async (ctx, req) => {
    const { ClientId, Username, SecretHash, ClientMetadata } = req ?? {};
    if (typeof ClientId !== 'string' || ClientId === '') {
      throw new errors.InvalidParameterError('Missing required parameter ClientId');
    }
    if (typeof Username !== 'string' || Username === '') {
      throw new errors.InvalidParameterError('Missing required parameter Username');
    }
    // An unknown client: ResourceNotFoundException, as for every action.
    const pool = await services.cognito.getUserPoolForClientId(ctx, ClientId);
    const client = await services.cognito.getAppClient(ctx, ClientId);
    if (client?.ClientSecret !== undefined) {
      const expected = secretHash(client.ClientSecret, Username, ClientId);
      const given = Buffer.from(typeof SecretHash === 'string' ? SecretHash : '', 'base64');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new errors.NotAuthorizedError(`Unable to verify secret hash for client ${ClientId}`);
      }
    }

    const user = await pool.getUserByUsername(ctx, Username);
    if (!user) {
      if (client?.PreventUserExistenceErrors !== 'ENABLED') {
        throw new errors.UserNotFoundError('Username/client id combination not found.');
      }
      // Nothing is sent; the answer looks like the one for an account that exists (this pool's
      // usernames are email addresses).
      const simulated: CodeDeliveryDetails = {
        AttributeName: 'email',
        DeliveryMedium: 'EMAIL',
        Destination: Username,
      };
      return { CodeDeliveryDetails: { ...simulated, Destination: masked(simulated) } };
    }
    if (user.UserStatus === 'CONFIRMED') {
      throw new errors.InvalidParameterError('User is already confirmed.');
    }
    const details = selectAppropriateDeliveryMethod(
      pool.options.AutoVerifiedAttributes ?? [],
      user,
    );
    if (!details) {
      throw new errors.InvalidParameterError(
        'User has no attribute matching desired auto verified attributes',
      );
    }
    const code = services.otp();
    await services.messages.deliver(
      ctx,
      'ResendCode',
      ClientId,
      pool.options.Id,
      user,
      code,
      ClientMetadata,
      details,
    );
    await pool.saveUser(ctx, {
      ...user,
      ConfirmationCode: code,
      UserLastModifiedDate: services.clock.get(),
    });
    return { CodeDeliveryDetails: { ...details, Destination: masked(details) } };
  };
}
