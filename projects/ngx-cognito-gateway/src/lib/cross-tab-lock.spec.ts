// The Web Locks of the Chromium this runs in: one page stands for several tabs (locks are per
// origin, whoever asks), and a same-origin iframe for a tab that can be closed.
import { Locks, browserLocks, mark, marks, withCrossTabLock } from './cross-tab-lock';

const BOUNDS = { waitMs: 2_000, holdMs: 2_000 };
let serial = 0;
const lockName = () => `cross-tab-lock.spec:${Date.now()}:${++serial}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise and its resolver, to hold work open as long as a test wants. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { opened, open };
}

describe('withCrossTabLock', () => {
  const locks = browserLocks()!;

  it('runs one holder at a time, in the order asked', async () => {
    const name = lockName();
    const order: string[] = [];
    const first = gate();
    const a = withCrossTabLock(locks, name, BOUNDS, async () => {
      order.push('a starts');
      await first.opened;
      order.push('a ends');
      return 'a';
    });
    const b = withCrossTabLock(locks, name, BOUNDS, async () => {
      order.push('b runs');
      return 'b';
    });
    await sleep(50);
    expect(order).toEqual(['a starts']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(order).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('releases the lock after holdMs while the work goes on, and still answers its result', async () => {
    const name = lockName();
    const slow = gate<string>();
    const started = Date.now();
    const a = withCrossTabLock(locks, name, { waitMs: 2_000, holdMs: 100 }, () => slow.opened);
    const b = withCrossTabLock(locks, name, BOUNDS, async () => Date.now() - started);
    const waited = await b;
    expect(waited).toBeGreaterThanOrEqual(90);
    expect(waited).toBeLessThan(1_000);
    slow.open('a, late');
    expect(await a).toBe('a, late');
  });

  it('runs the work without the lock after waitMs when a holder elsewhere never lets go', async () => {
    const name = lockName();
    const forever = gate();
    void locks.request(name, {}, () => forever.opened);
    await sleep(20);
    const started = Date.now();
    const ran = await withCrossTabLock(locks, name, { waitMs: 100, holdMs: 1_000 }, async () => {
      return Date.now() - started;
    });
    expect(ran).toBeGreaterThanOrEqual(90);
    expect(ran).toBeLessThan(1_000);
    forever.open();
  });

  it('goes on at once when a tab holding the lock closes', async () => {
    const name = lockName();
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    const tab = frame.contentWindow as Window & typeof globalThis;
    let held = false;
    // The other "tab" takes the lock and never lets go of it, as a refresh cut off by closing it.
    void (tab.navigator as unknown as { locks: Locks }).locks.request(name, {}, () => {
      held = true;
      return new tab.Promise(() => undefined);
    });
    while (!held) await sleep(5);
    let ran = false;
    const mine = withCrossTabLock(locks, name, { waitMs: 5_000, holdMs: 5_000 }, async () => {
      ran = true;
    });
    await sleep(100);
    expect(ran).toBe(false);
    const closed = Date.now();
    frame.remove();
    await mine;
    expect(ran).toBe(true);
    expect(Date.now() - closed).toBeLessThan(1_000);
  });

  it('runs the work at once without Web Locks, and passes its failure on', async () => {
    expect(await withCrossTabLock(undefined, lockName(), BOUNDS, async () => 7)).toBe(7);
    const failing = withCrossTabLock(locks, lockName(), BOUNDS, () =>
      Promise.reject(new Error('refused')),
    );
    await expectAsync(failing).toBeRejectedWithError('refused');
  });

  it('goes on alone when the lock is refused', async () => {
    const refusing: Locks = {
      request: () => Promise.reject(new DOMException('sandboxed', 'SecurityError')),
      query: async () => ({}),
    };
    expect(await withCrossTabLock(refusing, lockName(), BOUNDS, async () => 'alone')).toBe('alone');
  });
});

describe('mark and marks', () => {
  const locks = browserLocks()!;

  it('lists a mark to every asker while it is held, and never blocks another mark', async () => {
    const name = lockName();
    expect(await marks(locks, name)).toEqual([]);
    await mark(locks, `${name}:a`, 150);
    await mark(locks, `${name}:a`, 150);
    await mark(locks, `${name}:b`, 150);
    await mark(locks, 'elsewhere', 150);
    expect((await marks(locks, name)).sort()).toEqual([`${name}:a`, `${name}:a`, `${name}:b`]);
    await sleep(250);
    expect(await marks(locks, name)).toEqual([]);
  });

  it('marks nothing without Web Locks', async () => {
    await mark(undefined, lockName(), 100);
    expect(await marks(undefined, '')).toEqual([]);
  });
});
