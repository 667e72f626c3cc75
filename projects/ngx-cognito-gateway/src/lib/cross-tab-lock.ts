/**
 * Work serialized across the tabs of one origin with the Web Locks API
 * (https://w3c.github.io/web-locks/), and short-lived marks that other tabs can see. Nothing here
 * knows about tokens. Where `navigator.locks` is missing (older WebViews, an insecure context),
 * or a lock cannot be had in time, the work runs at once, as if this tab were alone.
 */

/** How long a tab waits for the lock, and holds it at most while its work goes on. */
export interface LockBounds {
  /** Past this, the work runs without the lock: a holder elsewhere may hang, this tab must not. */
  readonly waitMs: number;
  /** Past this, the lock is released while the work goes on (a slow network), so others go on. */
  readonly holdMs: number;
}

/** The subset of `LockManager` used here, so a test can hand in its own. */
export interface Locks {
  request(
    name: string,
    options: { mode?: 'exclusive' | 'shared'; signal?: AbortSignal },
    callback: () => Promise<unknown>,
  ): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

/** The browser's lock manager, or undefined where there is none. */
export function browserLocks(): Locks | undefined {
  return (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
}

/**
 * Runs `work` while holding the exclusive lock `name`: one tab at a time. The lock is released when
 * the work settles, or after `holdMs` if it has not (the work still runs, and its result is still
 * this call's), and by the browser if the tab closes. Without a lock in `waitMs`, or without Web
 * Locks, the work runs at once.
 */
export async function withCrossTabLock<T>(
  locks: Locks | undefined,
  name: string,
  bounds: LockBounds,
  work: () => Promise<T>,
): Promise<T> {
  if (!locks) return work();
  let result: Promise<T> | undefined;
  const waiting = new AbortController();
  const giveUp = setTimeout(() => waiting.abort(), bounds.waitMs);
  try {
    await locks.request(name, { signal: waiting.signal }, async () => {
      clearTimeout(giveUp);
      result = work();
      await settledOrAfter(result, bounds.holdMs);
    });
  } catch {
    // Not granted in time, or refused (a sandboxed frame): this tab goes on alone. The callback
    // itself never rejects, so nothing is lost here once the work has started.
  } finally {
    clearTimeout(giveUp);
  }
  return result ?? work();
}

/**
 * Holds the shared lock `name` for `ms` (or until the tab closes), resolving once it is held: a mark
 * that any tab's `marks()` lists from then on. Never blocks: nothing takes it exclusively.
 */
export function mark(locks: Locks | undefined, name: string, ms: number): Promise<void> {
  if (!locks) return Promise.resolve();
  return new Promise<void>((held) => {
    locks
      .request(name, { mode: 'shared' }, () => {
        held();
        return new Promise((resolve) => setTimeout(resolve, ms));
      })
      .catch(() => held());
  });
}

/**
 * The names of the marks some tab holds now that start with `prefix`. The lock manager is one for
 * the whole origin, so a mark taken before another tab's lock was released is seen by the tab that
 * takes the lock next, unlike a value in localStorage, which reaches other tabs a moment later.
 */
export async function marks(locks: Locks | undefined, prefix: string): Promise<string[]> {
  if (!locks) return [];
  try {
    const { held = [] } = await locks.query();
    return held.flatMap(({ name }) => (name?.startsWith(prefix) ? [name] : []));
  } catch {
    return [];
  }
}

/** Resolves when `promise` settles or after `ms`, whichever is first; never rejects. */
function settledOrAfter(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  const settled = promise.then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}
