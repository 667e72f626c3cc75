// The EMAIL_OTP first factor of choice-based sign-in: the pool emails a one-time code and the
// user answers it as EMAIL_OTP_CODE, as AWS documents for InitiateAuth and RespondToAuthChallenge:
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
// The code is "sent" the way cognito-local sends sign-up codes (its console message sender logs it;
// `DEBUG=1 npm start` shows it) and kept with its sign-in session on the user record, where
// codes.ts reads it for tests. It lasts as long as the session (the client's AuthSessionValidity)
// and works once. A wrong code is a CodeMismatchException and may be retried; the third wrong code
// ends the session (AWS does not document its limit).
import { randomInt, timingSafeEqual } from 'node:crypto';
import { closeSession, openSession, sessionFor, updateSession } from './auth-sessions.ts';
import {
  attributeValue,
  cognitoError,
  emailDelivery,
  masked,
  type ClientRequest,
  type Ctx,
  type User,
  type UserPool,
} from './internals.ts';

export const CODE_DIGITS = 8;
const MAX_WRONG_CODES = 3;

export interface ChallengeAnswer {
  ChallengeName: string;
  Session: string;
  ChallengeParameters: Record<string, string>;
}

/** Sends a new code to the user's (verified) email and opens the EMAIL_OTP session. */
export async function sendEmailCode(
  { services, ctx, pool, client, clientMetadata }: ClientRequest,
  user: User,
): Promise<ChallengeAnswer> {
  const email = attributeValue(user, 'email') ?? '';
  const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
  await services.messages.deliver(
    ctx,
    'Authentication',
    client.ClientId,
    pool.options.Id,
    user,
    code,
    clientMetadata,
    emailDelivery(email),
  );
  const session = await openSession(pool, ctx, user, client, { challenge: 'EMAIL_OTP', code });
  return emailChallenge(session, email);
}

export function emailChallenge(session: string, email: string): ChallengeAnswer {
  return {
    ChallengeName: 'EMAIL_OTP',
    Session: session,
    ChallengeParameters: {
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: masked(emailDelivery(email)),
    },
  };
}

const mismatch = () =>
  cognitoError('CodeMismatchException', 'Invalid code or auth state for the user.');

/** Checks EMAIL_OTP_CODE against the session's code; the session is spent when it matches. */
export async function checkEmailCode(
  pool: UserPool,
  ctx: Ctx,
  user: User,
  sessionId: string,
  clientId: string,
  answer: unknown,
): Promise<User> {
  const session = await sessionFor(pool, ctx, user, sessionId, 'EMAIL_OTP', clientId);
  const expected = Buffer.from(session.code ?? '');
  const given = Buffer.from(typeof answer === 'string' ? answer : '');
  if (given.length === expected.length && expected.length > 0 && timingSafeEqual(given, expected)) {
    return closeSession(pool, ctx, user, sessionId);
  }
  const wrongCodes = (session.wrongCodes ?? 0) + 1;
  if (wrongCodes >= MAX_WRONG_CODES) await closeSession(pool, ctx, user, sessionId);
  else await updateSession(pool, ctx, user, sessionId, { ...session, wrongCodes });
  throw mismatch();
}

export { mismatch as codeMismatch };
