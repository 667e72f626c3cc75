import { Observable, Observer, Subscriber } from 'rxjs';

type OnError<T> = (error: unknown, subscriber: Subscriber<T>) => void;

/**
 * `source.pipe(catchError(...))` for one request, leaner: values and completion go straight
 * through, an error goes to `onError` together with the subscriber, which may end it or subscribe
 * it to something else (a retry). The interceptor wraps every request in it; the operator would
 * add an operator subscriber and a closure per request on top. Public rxjs API only (an
 * Observable from a subscribe function, a plain observer object), so a major rxjs release cannot
 * break it.
 */
export function leanCatchError<T>(source: Observable<T>, onError: OnError<T>): Observable<T> {
  return new Observable<T>((out) => source.subscribe(new Relay(out, onError)));
}

/** One subscription's observer: a class, so the three callbacks are not three closures. */
class Relay<T> implements Observer<T> {
  // Declared, not initialized: the constructor sets them, and a class field would ship twice.
  declare private readonly out: Subscriber<T>;
  declare private readonly onError: OnError<T>;

  constructor(out: Subscriber<T>, onError: OnError<T>) {
    this.out = out;
    this.onError = onError;
  }

  next(value: T): void {
    this.out.next(value);
  }

  error(error: unknown): void {
    this.onError(error, this.out);
  }

  complete(): void {
    this.out.complete();
  }
}
