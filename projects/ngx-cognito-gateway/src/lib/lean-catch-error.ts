import { Observable, Observer, Subscriber } from 'rxjs';

type OnError<T> = (error: unknown, subscriber: Subscriber<T>) => void;

/**
 * `source`, except that its error goes to `onError` together with the subscriber, which may then
 * subscribe it to something else: a lean `catchError`. The interceptor wraps every request in it;
 * `pipe(catchError(...))` would add an operator subscriber and a closure per request on top.
 * Public rxjs API only (an Observable from a subscribe function, a plain observer object), so a
 * major rxjs release cannot break it.
 */
export function catching<T>(source: Observable<T>, onError: OnError<T>): Observable<T> {
  return new Observable<T>((out) => source.subscribe(new Relay(out, onError)));
}

/** One subscription's observer: a class, so the three callbacks are not three closures. */
class Relay<T> implements Observer<T> {
  constructor(
    private readonly out: Subscriber<T>,
    private readonly onError: OnError<T>,
  ) {}

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
