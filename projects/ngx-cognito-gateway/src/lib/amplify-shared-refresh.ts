import type { TokenOrchestrator } from 'aws-amplify/auth/cognito';
import { LockBounds, browserLocks, isMarked, mark, withCrossTabLock } from './cross-tab-lock';

type Refresher = ReturnType<TokenOrchestrator['getTokenRefresher']>;
type RefreshInput = Parameters<Refresher>[0];
type Session = RefreshInput['tokens'];
type Store = ReturnType<TokenOrchestrator['getTokenStore']>;

/** The bounds of the shared refresh; see `SHARED_REFRESH_BOUNDS`. */
export interface SharedRefreshBounds extends LockBounds {
  /** How long a tab that finds its session refreshed elsewhere waits to see the new tokens stored. */
  readonly storageWaitMs: number;
  /** How long the mark "this session has been refreshed" stays for other tabs to see. */
  readonly markMs: number;
}

/**
 * A refresh holds the lock while it calls Cognito, for at most 10 s: Cognito's default retry grace
 * period for a rotated refresh token, so a tab that goes on after a slow holder still refreshes
 * successfully. A tab waits at most 20 s for the lock (two such holds), then refreshes alone.
 */
export const SHARED_REFRESH_BOUNDS: SharedRefreshBounds = {
  waitMs: 20_000,
  holdMs: 10_000,
  storageWaitMs: 2_000,
  markMs: 10_000,
};

/** Amplify's `isTokenExpired` tolerance: it refreshes 5 s before `exp`. */
const AMPLIFY_EXPIRY_TOLERANCE_MS = 5_000;
const STORAGE_POLL_MS = 25;
const SHARED = Symbol.for('ngx-cognito-gateway.sharedRefresh');

/**
 * Makes every refresh of this Amplify token orchestrator (whoever asks for it: the interceptor,
 * `fetchAuthSession()` finding its tokens expired, any other Amplify call) one refresh across the
 * tabs of the origin. Amplify calls its token refresher only to replace the session it loaded;
 * this one first takes the Web Lock, then reads the stored session again:
 *
 * - another tab has replaced it (a refresh, a sign-in): those tokens, and no call to Cognito;
 * - another tab has just refreshed this very session, but the new tokens have not reached this tab's
 *   localStorage yet (its writes reach other tabs a moment later): wait, bounded, until they do;
 * - signed out meanwhile: `NotAuthorizedException`, which Amplify answers with no session;
 * - else Amplify's own refresher, with the stored (newest) refresh token; the result is stored
 *   before the lock is released, unless the session was ended or replaced during the call.
 *
 * Idempotent: a refresher installed before is kept as it is.
 */
export function shareRefreshesAcrossTabs(
  orchestrator: Pick<
    TokenOrchestrator,
    'getTokenRefresher' | 'setTokenRefresher' | 'getTokenStore'
  >,
  bounds: SharedRefreshBounds = SHARED_REFRESH_BOUNDS,
): void {
  const refresh = orchestrator.getTokenRefresher();
  if (SHARED in refresh) return;
  const shared: Refresher = (input) =>
    refreshOnce(orchestrator.getTokenStore(), refresh, input, bounds);
  orchestrator.setTokenRefresher(Object.assign(shared, { [SHARED]: true }));
}

async function refreshOnce(
  store: Store,
  refresh: Refresher,
  input: RefreshInput,
  bounds: SharedRefreshBounds,
): Promise<Session> {
  const locks = browserLocks();
  const lock = `ngx-cognito-gateway:refresh:${input.authConfig?.Cognito?.userPoolClientId ?? ''}`;
  const refreshed = (session: Session) => `${lock}:refreshed:${idOf(session)}`;
  return withCrossTabLock(locks, lock, bounds, async () => {
    const asked = input.tokens.accessToken.toString();
    let stored = await store.loadTokens();
    if (same(stored, asked) && (await isMarked(locks, refreshed(input.tokens)))) {
      stored = await storedOtherThan(store, asked, bounds.storageWaitMs);
    }
    if (!stored) throw sessionEnded();
    if (!same(stored, asked) && !expired(stored)) return stored;

    let fresh: Session;
    try {
      fresh = await refresh({ ...input, tokens: stored, username: stored.username });
    } catch (error) {
      // Refused (a rotated-out refresh token) because another tab won a race outside the lock:
      // its session stands, and Amplify must not clear it.
      const now = await store.loadTokens();
      if (now && !same(now, stored.accessToken.toString()) && !expired(now)) return now;
      throw error;
    }
    const now = await store.loadTokens();
    if (!now) throw sessionEnded(); // signed out during the call: never bring the session back
    if (!same(now, stored.accessToken.toString())) return now;
    // Stored as Amplify will store it (same sign-in details), so that its own write changes nothing.
    await store.storeTokens({ ...fresh, signInDetails: input.tokens.signInDetails });
    await mark(locks, refreshed(stored), bounds.markMs);
    return fresh;
  });
}

function same(session: Session | null, accessToken: string): session is Session {
  return !!session && session.accessToken.toString() === accessToken;
}

/** A short id of the session, for a lock name: its access token's `jti`, else its signature's end. */
function idOf(session: Session): string {
  const jti = session.accessToken.payload.jti;
  return typeof jti === 'string' ? jti : session.accessToken.toString().slice(-24);
}

/** As Amplify's TokenOrchestrator decides it: it would refresh such a session at once. */
function expired(session: Session): boolean {
  const now = Date.now() + (session.clockDrift ?? 0) + AMPLIFY_EXPIRY_TOLERANCE_MS;
  return [session.accessToken, session.idToken].some(
    (token) => token !== undefined && now > (token.payload.exp ?? 0) * 1000,
  );
}

/** The stored session once it is no longer `accessToken` (or none), or as it is after `ms`. */
async function storedOtherThan(store: Store, accessToken: string, ms: number) {
  const deadline = Date.now() + ms;
  let stored = await store.loadTokens();
  while (same(stored, accessToken) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, STORAGE_POLL_MS));
    stored = await store.loadTokens();
  }
  return stored;
}

/** What Amplify's refresher throws for a session that is gone; Amplify then reports none. */
function sessionEnded(): Error {
  return Object.assign(new Error('The session was ended in another tab.'), {
    name: 'NotAuthorizedException',
  });
}
