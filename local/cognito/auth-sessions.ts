// Sign-in sessions of choice-based sign-in (USER_AUTH): the `Session` that links each challenge
// answer to the request that asked it. AWS: "Your user pool native user must respond to each
// authentication challenge before the session expires" (the app client's AuthSessionValidity, 3 to
// 15 minutes); an expired or unknown session is a NotAuthorizedException.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
// Each session is kept on its user's record (`AuthSessions`, in cognito-local's pool file) with what
// its challenge needs (the code sent, the passkey challenge), is used once, and is dropped when
// answered, when it expires, or after too many wrong codes.
import { randomBytes } from 'node:crypto';
import { authSessionMs } from './app-client-settings.ts';
import { notAuthorized, type AppClient, type Ctx, type User, type UserPool } from './internals.ts';
import { localNow } from './local-clock.ts';

export type ChallengeName = 'SELECT_CHALLENGE' | 'PASSWORD' | 'EMAIL_OTP' | 'WEB_AUTHN';

export interface AuthSession {
  challenge: ChallengeName;
  clientId: string;
  /** Milliseconds since the epoch, on the emulated actions' clock. */
  createdAt: number;
  expiresAt: number;
  /** SELECT_CHALLENGE: what the user may choose. */
  available?: string[];
  /** EMAIL_OTP: the code sent, and wrong answers so far. */
  code?: string;
  wrongCodes?: number;
  /** WEB_AUTHN: the challenge the passkey must sign. */
  webAuthnChallenge?: string;
}

type Sessions = Record<string, AuthSession>;

export function sessionsOf(user: User): Sessions {
  return (user['AuthSessions'] ?? {}) as Sessions;
}

/** The user's sessions without the expired ones. */
function live(user: User, now: number): Sessions {
  return Object.fromEntries(
    Object.entries(sessionsOf(user)).filter(([, session]) => session.expiresAt > now),
  );
}

/** A new session id, as long as AWS's (SessionType: 20 to 2048 characters). */
export function newSessionId(): string {
  return randomBytes(48).toString('base64url');
}

/** Stores a new session for this challenge on the user; returns its id. */
export async function openSession(
  pool: UserPool,
  ctx: Ctx,
  user: User,
  client: AppClient,
  fields: Omit<AuthSession, 'clientId' | 'createdAt' | 'expiresAt'>,
): Promise<string> {
  const id = newSessionId();
  const now = localNow();
  const session: AuthSession = {
    ...fields,
    clientId: client.ClientId,
    createdAt: now,
    expiresAt: now + authSessionMs(client),
  };
  await pool.saveUser(ctx, { ...user, AuthSessions: { ...live(user, now), [id]: session } });
  return id;
}

/**
 * The session `id` of this user for `challenge`, checked: it must exist, be this client's, be for
 * this challenge and not have expired (an expired one is removed).
 */
export async function sessionFor(
  pool: UserPool,
  ctx: Ctx,
  user: User,
  id: string,
  challenge: ChallengeName,
  clientId: string,
): Promise<AuthSession> {
  const now = localNow();
  const session = sessionsOf(user)[id];
  if (!session || session.clientId !== clientId || session.challenge !== challenge) {
    throw notAuthorized('Invalid session for the user.');
  }
  if (session.expiresAt <= now) {
    await closeSession(pool, ctx, user, id);
    throw notAuthorized('Invalid session for the user, session is expired.');
  }
  return session;
}

/** Removes session `id` (answered, or spent) and the expired ones; returns the saved user. */
export async function closeSession(
  pool: UserPool,
  ctx: Ctx,
  user: User,
  id: string,
): Promise<User> {
  const sessions = live(user, localNow());
  delete sessions[id];
  const saved = { ...user, AuthSessions: sessions };
  await pool.saveUser(ctx, saved);
  return saved;
}

/** Replaces session `id` (a wrong code counted). */
export async function updateSession(
  pool: UserPool,
  ctx: Ctx,
  user: User,
  id: string,
  session: AuthSession,
): Promise<void> {
  await pool.saveUser(ctx, { ...user, AuthSessions: { ...live(user, localNow()), [id]: session } });
}
