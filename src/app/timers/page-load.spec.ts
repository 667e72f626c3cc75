import { TimerNotFoundError, TimerServerError } from 'ngx-cognito-gateway/timer';
import { Subject } from 'rxjs';
import { PageLoad } from './page-load';

/** A read whose every call answers only when the test says so. */
function controlledRead() {
  const calls: Subject<string>[] = [];
  const read = () => {
    const call = new Subject<string>();
    calls.push(call);
    return call;
  };
  const answer = (value: string) => {
    calls.at(-1)!.next(value);
    calls.at(-1)!.complete();
  };
  const fail = (error: unknown) => calls.at(-1)!.error(error);
  return { calls, read, answer, fail };
}

const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('PageLoad', () => {
  it('reads on construction, busy until the answer, then shows it', async () => {
    const api = controlledRead();
    const page = new PageLoad(api.read);
    expect(api.calls.length).toBe(1);
    expect(page.busy()).toBeTrue();
    expect(page.value()).toBeNull();
    api.answer('first');
    await settled();
    expect(page.value()).toBe('first');
    expect(page.busy()).toBeFalse();
    expect(page.error()).toBeNull();
  });

  it('keeps the value on screen while a reload runs and when it fails', async () => {
    const api = controlledRead();
    const page = new PageLoad(api.read);
    api.answer('first');
    await settled();
    void page.load();
    expect(page.busy()).toBeTrue();
    expect(page.value()).toBe('first');
    api.fail(new TimerNotFoundError('gone', 404));
    await settled();
    expect(page.value()).toBe('first');
    expect(page.error()).toEqual({ kind: 'not-found', message: 'This timer no longer exists.' });
    expect(page.busy()).toBeFalse();
    void page.load();
    api.answer('second');
    await settled();
    expect(page.value()).toBe('second');
    expect(page.error()).toBeNull();
  });

  it('shows a value at hand at once, with no call and never busy', () => {
    const page = new PageLoad(() => 'handed');
    // Synchronous: a call would have set busy before this line.
    expect(page.value()).toBe('handed');
    expect(page.busy()).toBeFalse();
  });

  it('reads again when the page is entered again, not on the first entry', async () => {
    const api = controlledRead();
    const page = new PageLoad(api.read);
    page.viewWillEnter();
    expect(api.calls.length).toBe(1);
    api.answer('first');
    await settled();
    page.viewWillEnter();
    expect(api.calls.length).toBe(2);
    page.viewWillEnter();
    expect(api.calls.length).toBe(3);
  });

  it('runs another call busy and reports its failure, logged once for a developer', async () => {
    const log = spyOn(console, 'error');
    const page = new PageLoad(() => 'shown');
    const failure = new TimerServerError('down', 503);
    let release!: () => void;
    const done = page.run(
      () =>
        new Promise((_, reject) => {
          release = () => reject(failure);
        }),
    );
    expect(page.busy()).toBeTrue();
    release();
    await done;
    expect(page.busy()).toBeFalse();
    expect(page.value()).toBe('shown');
    expect(page.error()?.kind).toBe('server');
    expect(log).toHaveBeenCalledOnceWith('Timer API call failed:', failure);
  });
});
