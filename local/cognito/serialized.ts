// One read-modify-write of a user pool's data at a time. cognito-local keeps each pool in memory
// and saves it after every change, but an action that reads a user, awaits, then saves it can
// interleave with another doing the same (two tabs refreshing with one refresh token at once);
// the emulated actions that change state run their read-modify-write under this lock.
const tails = new Map<string, Promise<unknown>>();

export function serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const result = previous.then(run, run);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return result;
}
