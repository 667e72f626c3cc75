// Tabs of one origin, each an Amplify TokenOrchestrator of its own (as each tab loads Amplify) over
// the page's one localStorage, with the real Web Locks of Chromium; only Cognito is a fake, which
// counts the refresh calls and rotates refresh tokens as a rotating app client does.
import { DefaultTokenStore, TokenOrchestrator } from 'aws-amplify/auth/cognito';
import { defaultStorage, type KeyValueStorageInterface } from 'aws-amplify/utils';
import { fakeJwt } from 'ngx-cognito-gateway/testing';
import { SharedRefreshBounds, shareRefreshesAcrossTabs } from './amplify-shared-refresh';
import { decodeJwtPayload } from './jwt';

type Refresher = Parameters<TokenOrchestrator['setTokenRefresher']>[0];
type Session = Parameters<Refresher>[0]['tokens'];

const BOUNDS: SharedRefreshBounds = {
  waitMs: 2_000,
  holdMs: 2_000,
  storageWaitMs: 500,
  markMs: 1_000,
};
const POOL = 'eu-west-1_tabs';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let serial = 0;

/** Resolves once `condition` holds (checked every few ms), so no step depends on the machine's speed. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await sleep(5);
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function session(refreshToken: string, expiresInSeconds = 3600): Session {
  const value = fakeJwt({ expiresInSeconds, claims: { username: 'alice' } });
  const payload = decodeJwtPayload(value) as Session['accessToken']['payload'];
  const jwt = { payload, toString: () => value };
  return { accessToken: jwt, idToken: jwt, refreshToken, clockDrift: 0, username: 'alice' };
}

/**
 * Cognito's refresh for a rotating client: each call answers a new refresh token; a rotated-out one
 * is refused with RefreshTokenReuseException unless `grace` (the retry grace period).
 */
function fakeCognito({
  grace = false,
  delays = [] as number[],
  answering = (): void => undefined,
} = {}) {
  const valid = new Set(['r0']);
  const used: string[] = [];
  let hold: Promise<void> | undefined;
  const refresher: Refresher = async ({ tokens }) => {
    const token = tokens.refreshToken!;
    used.push(token);
    await hold;
    await sleep(delays[used.length - 1] ?? 0);
    if (!valid.has(token) && !grace) {
      throw Object.assign(new Error('rotated out'), { name: 'RefreshTokenReuseException' });
    }
    valid.delete(token);
    const next = `r${used.length}`;
    valid.add(next);
    answering();
    return session(next);
  };
  return {
    refresher,
    used,
    /** Holds every call until the gate opens: a slow network. */
    holdUntil(opened: Promise<void>) {
      hold = opened;
    },
  };
}

/**
 * localStorage as another tab sees it: frozen from `freeze()` until `thaw()`, or, with `thaw(suffix)`,
 * until the keys ending so arrive (another tab's writes reach this one a key at a time).
 */
class LaggingStorage implements KeyValueStorageInterface {
  private view: Map<string, string> | undefined;
  private readsLeft: number | undefined;
  /** Thaws right after this many more reads of the session (of its refresh token). */
  thawAfter(reads: number) {
    this.readsLeft = reads;
  }
  freeze() {
    this.view = new Map(Object.entries(localStorage));
  }
  thaw(suffix?: string) {
    if (suffix === undefined) return void (this.view = undefined);
    for (const [key, value] of Object.entries(localStorage)) {
      if (key.endsWith(suffix)) this.view?.set(key, value);
    }
  }
  async getItem(key: string) {
    const value = this.view ? (this.view.get(key) ?? null) : localStorage.getItem(key);
    if (key.endsWith('.refreshToken') && this.readsLeft !== undefined && --this.readsLeft === 0) {
      this.thaw();
    }
    return value;
  }
  async setItem(key: string, value: string) {
    localStorage.setItem(key, value);
    this.view?.set(key, value);
  }
  async removeItem(key: string) {
    localStorage.removeItem(key);
    this.view?.delete(key);
  }
  async clear() {
    localStorage.clear();
  }
}

describe('refreshes shared across tabs (Amplify)', () => {
  let clientId: string;
  beforeEach(() => (clientId = `client-${Date.now()}-${++serial}`));
  afterEach(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.includes(clientId)) localStorage.removeItem(key);
    }
  });

  /** One tab's Amplify: its token store over `storage`, its orchestrator, the shared refresher. */
  function tab(
    cognito: { refresher: Refresher },
    storage: KeyValueStorageInterface = defaultStorage,
    bounds = BOUNDS,
  ) {
    const config = { Cognito: { userPoolId: POOL, userPoolClientId: clientId } };
    const store = new DefaultTokenStore();
    store.setKeyValueStorage(storage);
    store.setAuthConfig(config);
    const orchestrator = new TokenOrchestrator();
    orchestrator.setAuthConfig(config);
    orchestrator.setAuthTokenStore(store);
    orchestrator.setTokenRefresher(cognito.refresher);
    shareRefreshesAcrossTabs(orchestrator, bounds);
    return {
      store,
      /** What `fetchAuthSession` would answer in this tab: its access token, or null. */
      async token(forceRefresh: boolean): Promise<string | null> {
        const tokens = await orchestrator.getTokens({ forceRefresh });
        return tokens?.accessToken.toString() ?? null;
      },
    };
  }

  /** Whether a tab of this test waits for the refresh lock now. */
  const waitingForTheLock = async () =>
    !!(await navigator.locks.query()).pending?.some((lock) => lock.name?.endsWith(clientId));

  /**
   * Two tabs signed in, the second one's storage frozen from now on: it does not see the first
   * one's writes until `lagging.thaw()`.
   */
  async function laggingTabs(
    options: { grace?: boolean; lifetime?: number; bounds?: SharedRefreshBounds } = {},
  ) {
    const cognito = fakeCognito({ grace: options.grace });
    const lagging = new LaggingStorage();
    const [a, b] = [tab(cognito), tab(cognito, lagging, options.bounds)];
    await a.store.storeTokens(session('r0', options.lifetime));
    lagging.freeze();
    return { cognito, lagging, a, b };
  }

  const stored = async (store: DefaultTokenStore) =>
    (await store.loadTokens())?.accessToken.toString() ?? null;

  it('two tabs forcing a refresh at once make one call, and both get its tokens', async () => {
    const cognito = fakeCognito();
    const [a, b, c] = [tab(cognito), tab(cognito), tab(cognito)];
    await a.store.storeTokens(session('r0'));
    const tokens = await Promise.all([a.token(true), b.token(true), c.token(true)]);
    expect(cognito.used).toEqual(['r0']);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toBe(await stored(a.store));
  });

  it('a tab that waited for the lock reads the session again and takes the new tokens', async () => {
    const cognito = fakeCognito();
    const slow = gate();
    cognito.holdUntil(slow.opened);
    const [a, b] = [tab(cognito), tab(cognito)];
    await a.store.storeTokens(session('r0'));
    const first = a.token(true); // holds the lock during its call to Cognito
    await until(async () => cognito.used.length === 1);
    const second = b.token(true); // reads the old session, then waits for the lock
    await until(waitingForTheLock);
    expect(cognito.used).toEqual(['r0']);
    slow.open();
    expect(await second).toBe(await first);
    expect(cognito.used).toEqual(['r0']);
  });

  it('an expired session read by several tabs is refreshed once', async () => {
    const cognito = fakeCognito();
    const [a, b] = [tab(cognito), tab(cognito)];
    await a.store.storeTokens(session('r0', -10));
    const [ta, tb] = await Promise.all([a.token(false), b.token(false)]);
    expect(cognito.used).toEqual(['r0']);
    expect(ta).toBe(tb);
  });

  it('waits, bounded, for tokens that another tab stored but this tab does not see yet', async () => {
    const { cognito, lagging, a, b } = await laggingTabs();
    const fresh = await a.token(true);
    setTimeout(() => lagging.thaw(), 150);
    expect(await b.token(true)).toBe(fresh);
    expect(cognito.used).toEqual(['r0']);
  });

  it('waits for the newest session when its storage is several refreshes behind', async () => {
    const bounds = { ...BOUNDS, storageWaitMs: 5_000 };
    const { cognito, lagging, a, b } = await laggingTabs({ bounds });
    await a.token(true);
    const newest = await a.token(true); // two refreshes b has not seen yet
    setTimeout(() => lagging.thaw(), 150);
    const started = Date.now();
    expect(await b.token(true)).toBe(newest);
    expect(Date.now() - started).toBeLessThan(2_500); // as soon as it arrives, not after the bound
    expect(cognito.used).toEqual(['r0', 'r1']);
  });

  it('waits for the whole new session when only its access token has arrived', async () => {
    // Expiring within Amplify's 5 s: expired to it.
    const { cognito, lagging, a, b } = await laggingTabs({ lifetime: 3 });
    const fresh = await a.token(false);
    // b reads the new access token beside the old, expired id token: Amplify asks to refresh that.
    lagging.thaw('.accessToken');
    setTimeout(() => lagging.thaw(), 150);
    expect(await b.token(false)).toBe(fresh);
    expect(cognito.used).toEqual(['r0']);
  });

  it('never has Amplify store back a session whose new refresh token has not arrived', async () => {
    const { cognito, lagging, a, b } = await laggingTabs();
    const fresh = await a.token(true);
    lagging.thaw('.accessToken');
    lagging.thaw('.idToken'); // the old refresh token still stored, as b sees it
    setTimeout(() => lagging.thaw(), 150);
    expect(await b.token(true)).toBe(fresh);
    expect((await a.store.loadTokens())?.refreshToken).toBe('r1');
    expect(cognito.used).toEqual(['r0']);
  });

  it('answers a session signed in elsewhere during its call whole, never its first keys', async () => {
    const lagging = new LaggingStorage();
    // Another tab's refresh token arrives once a's call has ended and a has read the session twice.
    const cognito = fakeCognito({ delays: [60], answering: () => lagging.thawAfter(2) });
    const [a, elsewhere] = [tab(cognito, lagging), tab(cognito)];
    await a.store.storeTokens(session('r0'));
    lagging.freeze();
    const answer = a.token(true);
    await until(async () => cognito.used.length === 1);
    const other = session('r-other');
    await elsewhere.store.storeTokens(other); // a new sign-in, while a waits for Cognito
    lagging.thaw('.accessToken');
    lagging.thaw('.idToken');
    lagging.thaw('.LastAuthUser');
    expect(await answer).toBe(other.accessToken.toString());
    expect((await a.store.loadTokens())?.refreshToken).toBe('r-other');
  });

  it('refreshes itself when its storage has not caught up after storageWaitMs', async () => {
    const bounds = { ...BOUNDS, storageWaitMs: 100 };
    const { cognito, a, b } = await laggingTabs({ grace: true, bounds });
    await a.token(true);
    const started = Date.now();
    expect(await b.token(true)).not.toBeNull();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(cognito.used).toEqual(['r0', 'r0']); // the rotated-out token, within its grace period
  });

  it('without Web Locks, each tab refreshes on its own, as before', async () => {
    const locks = Object.getOwnPropertyDescriptor(Navigator.prototype, 'locks')!;
    Object.defineProperty(Navigator.prototype, 'locks', {
      get: () => undefined,
      configurable: true,
    });
    try {
      const cognito = fakeCognito({ grace: true });
      const [a, b] = [tab(cognito), tab(cognito)];
      await a.store.storeTokens(session('r0'));
      const tokens = await Promise.all([a.token(true), b.token(true)]);
      expect(cognito.used).toEqual(['r0', 'r0']);
      expect(tokens.every((token) => token !== null)).toBe(true);
    } finally {
      Object.defineProperty(Navigator.prototype, 'locks', locks);
    }
  });

  it('lets the others go on after holdMs when a call to Cognito hangs, and keeps their session', async () => {
    const hung = fakeCognito();
    const slow = gate();
    hung.holdUntil(slow.opened);
    const fast = fakeCognito({ grace: true });
    const bounds = { ...BOUNDS, holdMs: 100 };
    const [a, b] = [tab(hung, defaultStorage, bounds), tab(fast, defaultStorage, bounds)];
    await a.store.storeTokens(session('r0'));
    const late = a.token(true);
    await until(async () => hung.used.length === 1);
    const started = Date.now();
    const fresh = await b.token(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fresh).toBe(await stored(b.store));
    slow.open();
    // The hung call ends after the session was replaced: it answers that session, and stores nothing.
    expect(await late).toBe(fresh);
    expect(await stored(a.store)).toBe(fresh);
  });

  it('answers no session, and never brings one back, when another tab signs out meanwhile', async () => {
    const cognito = fakeCognito();
    const slow = gate();
    cognito.holdUntil(slow.opened);
    const [a, b, elsewhere] = [tab(cognito), tab(cognito), tab(cognito)];
    await a.store.storeTokens(session('r0'));
    const first = a.token(true);
    await until(async () => cognito.used.length === 1);
    const second = b.token(true);
    await until(waitingForTheLock);
    await elsewhere.store.clearTokens(); // signed out in a third tab during the call
    slow.open();
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect(cognito.used).toEqual(['r0']);
    expect(await stored(a.store)).toBeNull();
  });

  it('keeps the session another tab refreshed when Cognito refuses a token it rotated out', async () => {
    // No grace period; the first call is answered first.
    const cognito = fakeCognito({ delays: [20, 200] });
    const [a, b] = [tab(cognito), tab(cognito)];
    await a.store.storeTokens(session('r0'));
    const locks = Object.getOwnPropertyDescriptor(Navigator.prototype, 'locks')!;
    // A tab without Web Locks races this one: both send r0, the second is refused.
    Object.defineProperty(Navigator.prototype, 'locks', {
      get: () => undefined,
      configurable: true,
    });
    try {
      const [ta, tb] = await Promise.all([a.token(true), b.token(true)]);
      expect(cognito.used).toEqual(['r0', 'r0']);
      expect(ta).not.toBeNull();
      expect(tb).toBe(ta); // not signed out by the race
      expect(await stored(a.store)).toBe(ta);
    } finally {
      Object.defineProperty(Navigator.prototype, 'locks', locks);
    }
  });
});
