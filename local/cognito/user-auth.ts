// Choice-based sign-in (AuthFlow USER_AUTH), shared by InitiateAuth and RespondToAuthChallenge, as
// AWS documents it:
// https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
// - the first factors offered are the pool's SignInPolicy.AllowedFirstAuthFactors (AWS's default:
//   PASSWORD) that this user can use: PASSWORD with a password, EMAIL_OTP with a verified email,
//   WEB_AUTHN with a registered passkey (and a relying party on the pool);
// - without PREFERRED_CHALLENGE the answer is SELECT_CHALLENGE with AvailableChallenges; with one
//   the user can use, that challenge at once (PASSWORD with PASSWORD given signs in directly);
//   a preferred challenge the user cannot use gets SELECT_CHALLENGE too.
// Offline differences: PASSWORD_SRP is never offered (cognito-local has no SRP; AWS offers it next
// to PASSWORD), and the password is checked by cognito-local's USER_PASSWORD_AUTH flow, so its
// NEW_PASSWORD_REQUIRED and SOFTWARE_TOKEN_MFA steps follow a password as they do offline today.
// SMS_OTP is not offered (no SMS offline). A passwordless factor signs in without an MFA step.
// With PreventUserExistenceErrors ENABLED an unknown user is offered PASSWORD and EMAIL_OTP (if
// allowed) like anyone, and every answer then fails as a wrong one would.
import { openSession, newSessionId } from './auth-sessions.ts';
import { emailChallenge, sendEmailCode } from './email-otp.ts';
import {
  attributeValue,
  authenticationResult,
  cognitoError,
  generateTokens,
  notAuthorized,
  type AppClient,
  type ClientRequest,
  type Ctx,
  type Services,
  type Target,
  type User,
  type UserPool,
} from './internals.ts';
import { passkeysOf } from './passkeys.ts';
import { assertionOptions, relyingParty } from './web-authn.ts';
import { authSessionMs } from './app-client-settings.ts';

export const FIRST_FACTORS = ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] as const;
export type FirstFactor = (typeof FIRST_FACTORS)[number];

/** One sign-in attempt: who asks, through which client, and cognito-local's password flow. */
export interface SignIn extends ClientRequest {
  /** cognito-local's InitiateAuth, for USER_PASSWORD_AUTH. */
  passwordAuth: Target;
}

/** The sign-in attempt of the request `req` through `client`, an app client that exists. */
export async function signInThrough(
  services: Services,
  ctx: Ctx,
  client: AppClient,
  req: Record<string, unknown>,
  passwordAuth: Target,
): Promise<SignIn> {
  return {
    services,
    ctx,
    pool: await services.cognito.getUserPool(ctx, client.UserPoolId),
    client,
    clientMetadata: req['ClientMetadata'] as Record<string, string> | undefined,
    passwordAuth,
  };
}

export interface AuthResponse {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AvailableChallenges?: string[];
  AuthenticationResult?: Record<string, unknown>;
}

export function allowedFirstFactors(pool: UserPool): string[] {
  return pool.options.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];
}

/** The first factors `user` can use (null: an unknown user whose existence is not revealed). */
export function availableChallenges(pool: UserPool, user: User | null): FirstFactor[] {
  const allowed = allowedFirstFactors(pool);
  return FIRST_FACTORS.filter((factor) => {
    if (!allowed.includes(factor)) return false;
    if (user === null) return factor !== 'WEB_AUTHN';
    if (factor === 'PASSWORD') return typeof user.Password === 'string' && user.Password !== '';
    if (factor === 'EMAIL_OTP') {
      return !!attributeValue(user, 'email') && attributeValue(user, 'email_verified') === 'true';
    }
    return passkeysOf(user).length > 0 && !!pool.options.WebAuthnConfiguration?.RelyingPartyId;
  });
}

const wrongPassword = () => notAuthorized('Incorrect username or password.');

/** The user named, or null for an unknown one when the client hides who exists. */
export async function userOrPhantom(signIn: SignIn, username: string): Promise<User | null> {
  const user = await signIn.pool.getUserByUsername(signIn.ctx, username);
  if (user) {
    if (user.Enabled === false) throw notAuthorized('User is disabled.');
    return user;
  }
  if (signIn.client.PreventUserExistenceErrors === 'ENABLED') return null;
  throw cognitoError('UserNotFoundException', 'User does not exist.');
}

/** Tokens for a user who passed a first factor, with ExpiresIn and TokenType as AWS answers. */
export async function issueTokens(signIn: SignIn, user: User): Promise<AuthResponse> {
  const { ctx, pool } = signIn;
  const latest = (await pool.getUserByUsername(ctx, user.Username)) ?? user;
  const tokens = await generateTokens(signIn, latest, 'Authentication');
  await pool.storeRefreshToken(ctx, tokens.RefreshToken, latest);
  return { ChallengeParameters: {}, AuthenticationResult: authenticationResult(tokens) };
}

/** cognito-local's password check (USER_PASSWORD_AUTH), its answers in AWS's shape. */
export async function passwordSignIn(
  signIn: SignIn,
  user: User | null,
  password: unknown,
): Promise<AuthResponse> {
  if (user === null || typeof password !== 'string') throw wrongPassword();
  let response: AuthResponse;
  try {
    response = (await signIn.passwordAuth(signIn.ctx, {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: signIn.client.ClientId,
      AuthParameters: { USERNAME: user.Username, PASSWORD: password },
      ClientMetadata: signIn.clientMetadata,
    })) as AuthResponse;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'InvalidPasswordException' || code === 'NotAuthorizedException') {
      throw wrongPassword();
    }
    throw error;
  }
  const result = response.AuthenticationResult as { AccessToken?: string } | undefined;
  if (result?.AccessToken === undefined) return response;
  return {
    ...response,
    AuthenticationResult: authenticationResult({ ...result, AccessToken: result.AccessToken }),
  };
}

/** Asks `factor` of the user: the challenge to answer next, or tokens for a password given now. */
export async function beginFactor(
  signIn: SignIn,
  user: User | null,
  username: string,
  factor: FirstFactor,
  password: unknown,
): Promise<AuthResponse> {
  const { ctx, pool, client } = signIn;
  if (factor === 'PASSWORD') {
    if (password !== undefined) return passwordSignIn(signIn, user, password);
    const session = user
      ? await openSession(pool, ctx, user, client, { challenge: 'PASSWORD' })
      : newSessionId();
    return { ChallengeName: 'PASSWORD', Session: session, ChallengeParameters: {} };
  }
  if (factor === 'EMAIL_OTP') {
    if (user === null) return emailChallenge(newSessionId(), username);
    return sendEmailCode(signIn, user);
  }
  if (user === null) throw notAuthorized('The passkey could not be verified.');
  const options = await assertionOptions({
    rp: relyingParty(pool.options),
    passkeys: passkeysOf(user),
    timeoutMs: authSessionMs(client),
  });
  const session = await openSession(pool, ctx, user, client, {
    challenge: 'WEB_AUTHN',
    webAuthnChallenge: options.challenge,
  });
  return {
    ChallengeName: 'WEB_AUTHN',
    Session: session,
    ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) },
  };
}

/** SELECT_CHALLENGE: the first factors the user can choose from. */
export async function selectChallenge(
  signIn: SignIn,
  user: User | null,
  available: FirstFactor[],
): Promise<AuthResponse> {
  const session = user
    ? await openSession(signIn.pool, signIn.ctx, user, signIn.client, {
        challenge: 'SELECT_CHALLENGE',
        available,
      })
    : newSessionId();
  return {
    ChallengeName: 'SELECT_CHALLENGE',
    Session: session,
    ChallengeParameters: {},
    AvailableChallenges: available,
  };
}
