import { Observable, Subscriber, Subscription } from 'rxjs';

type OnError<T> = (error: unknown, subscriber: Subscriber<T>) => void;

/**
 * `source`, except that its error goes to `onError` together with the subscriber, which may then
 * subscribe it to something else: a lean `catchError`. The interceptor wraps every request in it,
 * and the operator (pipe, lift, a subscriber with closures) cost more than the rest of the fast
 * path together.
 */
export function catching<T>(source: Observable<T>, onError: OnError<T>): Observable<T> {
  return new Catching(source, onError);
}

class Catching<T> extends Observable<T> {
  readonly #source: Observable<T>;
  readonly #onError: OnError<T>;

  constructor(source: Observable<T>, onError: OnError<T>) {
    super();
    this.#source = source;
    this.#onError = onError;
  }

  /** What `Observable.subscribe` calls (rxjs-internal API, hence not in its typings). */
  protected _subscribe(subscriber: Subscriber<T>): Subscription {
    return this.#source.subscribe(new CatchingSubscriber(subscriber, this.#onError));
  }
}

/** One subscription's relay: a Subscriber itself, so rxjs wraps nothing around it. */
class CatchingSubscriber<T> extends Subscriber<T> {
  readonly #out: Subscriber<T>;
  readonly #onError: OnError<T>;

  constructor(out: Subscriber<T>, onError: OnError<T>) {
    super();
    this.#out = out;
    this.#onError = onError;
  }

  protected override _next(value: T): void {
    this.#out.next(value);
  }

  protected override _error(error: unknown): void {
    this.unsubscribe();
    this.#onError(error, this.#out);
  }

  protected override _complete(): void {
    this.unsubscribe();
    this.#out.complete();
  }
}
