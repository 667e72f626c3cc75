import type { TokenOrchestrator } from 'aws-amplify/auth/cognito';
import { LockBounds, browserLocks, mark, marks, withCrossTabLock } from './cross-tab-lock';

type Refresher = ReturnType<TokenOrchestrator['getTokenRefresher']>;
type RefreshInput = Parameters<Refresher>[0];
type Session = RefreshInput['tokens'];
type Store = ReturnType<TokenOrchestrator['getTokenStore']>;

/** The bounds of the shared refresh; see `SHARED_REFRESH_BOUNDS`. */
export interface SharedRefreshBounds extends LockBounds {
  /** How long a tab that finds its session refreshed elsewhere waits to see the new tokens stored. */
  readonly storageWaitMs: number;
  /** How long the mark "the session was refreshed" stays for other tabs to see. */
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
 * - another tab has just refreshed the session, and marked which session replaced it: wait,
 *   bounded, until this tab's localStorage holds all of that one (another tab's writes arrive here
 *   a moment later, one key at a time, so Amplify may have read a new access token beside an old,
 *   expired id token, and asked to refresh that);
 * - another tab has replaced the session (a refresh, a sign-in): its tokens, no call to Cognito;
 * - signed out meanwhile: `NotAuthorizedException`, which Amplify answers with no session;
 * - else Amplify's own refresher, with the stored (newest) refresh token; the result is stored,
 *   and marked as the replacement of the session it refreshed, before the lock is released,
 *   unless the session was ended or replaced during the call.
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
  /** Marks read `<lock>:refreshed:<old access token id>:<new session's ids>`. */
  const refreshed = `${lock}:refreshed:`;
  return withCrossTabLock(locks, lock, bounds, async () => {
    const asked = input.tokens;
    let stored = await store.loadTokens();
    const links = (await marks(locks, refreshed)).map((name) => name.slice(refreshed.length));
    const replacement = newestSession(idOf(asked.accessToken), links);
    // Whatever this returns, Amplify stores again: never a session still on its way here (it would
    // put its old refresh token back, or remove the new one, in every tab).
    const arrived = (session: Session | null) =>
      !session || (!!session.refreshToken && (!replacement || idsOf(session) === replacement));
    if (!arrived(stored)) stored = await storedOnce(store, arrived, bounds.storageWaitMs);
    if (!stored) throw sessionEnded();
    if (idsOf(stored) !== idsOf(asked) && !expired(stored) && arrived(stored)) return stored;

    let fresh: Session;
    try {
      fresh = await refresh({ ...input, tokens: stored, username: stored.username });
    } catch (error) {
      // Refused (a rotated-out refresh token) because another tab won a race outside the lock:
      // its session stands, and Amplify must not clear it.
      const now = await settled(store, bounds.storageWaitMs);
      if (now && idsOf(now) !== idsOf(stored) && !expired(now)) return now;
      throw error;
    }
    let now = await store.loadTokens();
    // Changed during the call (a sign-in or sign-out elsewhere): as it is once all of it is here.
    if (!now || idsOf(now) !== idsOf(stored)) now = await settled(store, bounds.storageWaitMs);
    if (!now) throw sessionEnded(); // signed out during the call: never bring the session back
    if (idsOf(now) !== idsOf(stored)) return now;
    // Stored as Amplify will store it (same sign-in details), so that its own write changes nothing.
    await store.storeTokens({ ...fresh, signInDetails: asked.signInDetails });
    await mark(locks, `${refreshed}${idOf(stored.accessToken)}:${idsOf(fresh)}`, bounds.markMs);
    return fresh;
  });
}

/**
 * The ids of the newest session that marks `<old>:<new ids>` show replacing the one whose access
 * token is `access`, following every refresh since; or of the session the access token belongs to
 * when it is itself a refresh's result (another tab's new tokens, some still on their way here).
 */
function newestSession(access: string, links: readonly string[]): string | undefined {
  const next = new Map(links.map((link) => link.split(':') as [string, string]));
  let newest = [...next.values()].find((ids) => ids.startsWith(`${access}+`));
  for (let step = 0; next.has(access) && step < links.length; step++) {
    newest = next.get(access)!;
    access = newest.split('+')[0]!;
  }
  return newest;
}

type Jwt = Session['accessToken'];

/** A token's short id, for comparisons and lock names: its `jti`, else its signature's end. */
function idOf(token: Jwt | undefined): string {
  if (!token) return '';
  const jti = token.payload.jti;
  return typeof jti === 'string' ? jti : token.toString().slice(-24);
}

/**
 * The ids of a session's access and id tokens and the end of its refresh token (the part no one can
 * use; localStorage holds it whole anyway): equal only for the very same session, all three
 * stored. `+` and `:` appear in none of them.
 */
function idsOf(session: Session): string {
  const refresh = session.refreshToken?.slice(-16) ?? '';
  return `${idOf(session.accessToken)}+${idOf(session.idToken)}+${refresh}`;
}

/** As Amplify's TokenOrchestrator decides it: it would refresh such a session at once. */
function expired(session: Session): boolean {
  const now = Date.now() + (session.clockDrift ?? 0) + AMPLIFY_EXPIRY_TOLERANCE_MS;
  return [session.accessToken, session.idToken].some(
    (token) => token !== undefined && now > (token.payload.exp ?? 0) * 1000,
  );
}

/** The stored session once `done` says so, or as it is after `ms`. */
async function storedOnce(
  store: Store,
  done: (session: Session | null) => boolean,
  ms: number,
): Promise<Session | null> {
  const deadline = Date.now() + ms;
  let stored = await store.loadTokens();
  while (!done(stored) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, STORAGE_POLL_MS));
    stored = await store.loadTokens();
  }
  return stored;
}

/**
 * The stored session once two reads a poll apart agree and it has its refresh token (another tab's
 * writes, which arrive one key at a time, have all arrived), or as it is after `ms`. For changes
 * no mark describes: a sign-in or a sign-out in another tab.
 */
function settled(store: Store, ms: number): Promise<Session | null> {
  let before: Session | null | undefined; // undefined: nothing read yet
  return storedOnce(
    store,
    (now) => {
      const same =
        before !== undefined && (now && before ? idsOf(now) === idsOf(before) : now === before);
      before = now;
      return same && (!now || !!now.refreshToken);
    },
    ms,
  );
}

/** What Amplify's refresher throws for a session that is gone; Amplify then reports none. */
function sessionEnded(): Error {
  return Object.assign(new Error('The session was ended in another tab.'), {
    name: 'NotAuthorizedException',
  });
}
