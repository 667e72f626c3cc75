// RespondToAuthChallenge for the challenges of choice-based sign-in, as AWS documents their
// ChallengeResponses (USERNAME in each):
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
// - SELECT_CHALLENGE: ANSWER, one of the AvailableChallenges offered (PASSWORD may come with
//   PASSWORD and signs in at once); the chosen challenge follows;
// - PASSWORD: PASSWORD;  EMAIL_OTP: EMAIL_OTP_CODE;
// - WEB_AUTHN: CREDENTIAL, the AuthenticationResponseJSON of navigator.credentials.get().
// Every session is single-use and expires (auth-sessions.ts). PASSWORD_SRP is refused: cognito-local
// has no SRP, and it is never offered offline. Every other challenge (NEW_PASSWORD_REQUIRED,
// SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE, SMS_MFA) is cognito-local's own.
import { closeSession, sessionFor } from './auth-sessions.ts';
import { checkEmailCode, codeMismatch } from './email-otp.ts';
import {
  appClient,
  invalidParameter,
  notAuthorized,
  required,
  type Ctx,
  type Services,
  type Target,
  type TargetTable,
  type User,
} from './internals.ts';
import { passkeysOf, withPasskeys } from './passkeys.ts';
import { serialized } from './serialized.ts';
import { existingTarget, wrapTarget } from './target-table.ts';
import {
  availableChallenges,
  beginFactor,
  issueTokens,
  passwordSignIn,
  signInThrough,
  userOrPhantom,
  type AuthResponse,
  type FirstFactor,
  type SignIn,
} from './user-auth.ts';
import { relyingParty, verifiedAssertion } from './web-authn.ts';

const OURS = ['SELECT_CHALLENGE', 'PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN'];

async function respond(
  signIn: SignIn,
  user: User | null,
  challenge: string,
  sessionId: string,
  responses: Record<string, unknown>,
): Promise<AuthResponse> {
  const { pool, ctx, client } = signIn;
  const username = String(responses['USERNAME']);
  if (challenge === 'PASSWORD_SRP') {
    throw invalidParameter('PASSWORD_SRP is not available offline (no SRP); answer PASSWORD');
  }
  if (user === null) {
    // An unknown user, hidden: each answer fails as a wrong one would.
    if (challenge === 'EMAIL_OTP') throw codeMismatch();
    if (challenge !== 'SELECT_CHALLENGE') throw notAuthorized('Incorrect username or password.');
    const answer = responses['ANSWER'] as FirstFactor;
    if (!availableChallenges(pool, null).includes(answer)) {
      throw invalidParameter('ANSWER must be one of the AvailableChallenges');
    }
    return beginFactor(signIn, null, username, answer, responses['PASSWORD']);
  }
  if (challenge === 'SELECT_CHALLENGE') {
    const session = await sessionFor(pool, ctx, user, sessionId, challenge, client.ClientId);
    const answer = responses['ANSWER'];
    if (typeof answer !== 'string' || !session.available?.includes(answer)) {
      throw invalidParameter('ANSWER must be one of the AvailableChallenges');
    }
    if (answer === 'WEB_AUTHN' && responses['CREDENTIAL'] !== undefined) {
      throw invalidParameter('Offline, answer WEB_AUTHN first, then the WEB_AUTHN challenge');
    }
    const spent = await closeSession(pool, ctx, user, sessionId);
    return beginFactor(signIn, spent, username, answer as FirstFactor, responses['PASSWORD']);
  }
  if (challenge === 'PASSWORD') {
    await sessionFor(pool, ctx, user, sessionId, challenge, client.ClientId);
    const spent = await closeSession(pool, ctx, user, sessionId);
    return passwordSignIn(signIn, spent, responses['PASSWORD']);
  }
  if (challenge === 'EMAIL_OTP') {
    const spent = await checkEmailCode(
      pool,
      ctx,
      user,
      sessionId,
      client.ClientId,
      responses['EMAIL_OTP_CODE'],
    );
    return issueTokens(signIn, spent);
  }
  // WEB_AUTHN: the challenge is spent before the assertion is checked, whatever its outcome.
  const session = await sessionFor(pool, ctx, user, sessionId, 'WEB_AUTHN', client.ClientId);
  const spent = await closeSession(pool, ctx, user, sessionId);
  let credential: { id?: unknown };
  try {
    credential = JSON.parse(String(responses['CREDENTIAL'])) as { id?: unknown };
  } catch {
    throw invalidParameter('CREDENTIAL must be the JSON of an AuthenticationResponseJSON');
  }
  const passkeys = passkeysOf(spent);
  const passkey = passkeys.find((p) => p.CredentialId === credential?.id);
  if (!passkey) throw notAuthorized('The passkey could not be verified.');
  const counter = await verifiedAssertion(
    ctx,
    credential as never,
    session.webAuthnChallenge ?? '',
    relyingParty(pool.options),
    passkey,
  );
  const updated = passkeys.map((p) => (p === passkey ? { ...p, Counter: counter } : p));
  await pool.saveUser(ctx, withPasskeys(spent, updated));
  return issueTokens(signIn, spent);
}

function respondToAuthChallenge(
  original: Target,
  passwordAuth: Target,
  services: Services,
): Target {
  return async (ctx: Ctx, req) => {
    const challenge = req?.['ChallengeName'];
    if (typeof challenge !== 'string' || !OURS.includes(challenge)) return original(ctx, req);
    const clientId = required(req['ClientId'], 'ClientId');
    const responses = (req['ChallengeResponses'] ?? {}) as Record<string, unknown>;
    const username = required(responses['USERNAME'], 'USERNAME');
    const sessionId = required(req['Session'], 'Session');
    const client = await appClient(services, ctx, clientId);
    const signIn = await signInThrough(services, ctx, client, req, passwordAuth);
    return serialized(signIn.pool.options.Id, async () => {
      const user = await userOrPhantom(signIn, username);
      return respond(signIn, user, challenge, sessionId, responses);
    });
  };
}

export function registerRespondToAuthChallenge(targets: TargetTable): void {
  const initiateAuth = existingTarget(targets, 'InitiateAuth');
  wrapTarget(targets, 'RespondToAuthChallenge', (original) => (services) => {
    return respondToAuthChallenge(original(services), initiateAuth(services), services);
  });
}
