import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VerifiedTokenCache } from './token-cache.ts';

test('never holds more than maxEntries; the least recently used goes first', () => {
  const cache = new VerifiedTokenCache<number>(3);
  cache.set('a', 1);
  cache.set('b', 2);
  cache.set('c', 3);
  assert.equal(cache.get('a'), 1); // a is now the most recent: b is the least
  cache.set('d', 4);
  assert.equal(cache.size, 3);
  assert.equal(cache.get('b'), undefined, 'b, the least recently used, went first');
  // Now from least to most recent: c, a, d. Reading d (already the newest) changes nothing.
  assert.equal(cache.get('d'), 4);
  cache.set('e', 5);
  assert.equal(cache.get('c'), undefined, 'then c');
  // a, d, e. Replacing a makes it the most recent, with its new value.
  cache.set('a', 10);
  cache.set('f', 6);
  assert.equal(cache.get('d'), undefined, 'then d, not the replaced a');
  assert.equal(cache.get('a'), 10);
  for (let i = 0; i < 1000; i++) {
    cache.set(`t${i}`, i);
    assert.ok(cache.size <= 3);
  }
  assert.deepEqual(
    ['a', 'e', 'f', 't996'].map((token) => cache.get(token)),
    [undefined, undefined, undefined, undefined],
  );
  assert.deepEqual(
    ['t997', 't998', 't999'].map((token) => cache.get(token)),
    [997, 998, 999],
  );
  cache.delete('t999');
  assert.equal(cache.get('t999'), undefined);
  assert.equal(cache.size, 2);
  // With the newest entry deleted, reading another one still makes that one the newest.
  assert.equal(cache.get('t997'), 997);
  cache.set('u', 0);
  cache.set('v', 0);
  assert.equal(cache.get('t998'), undefined, 't998 was the least recent');
  assert.equal(cache.get('t997'), 997);
});

test('size 0 caches nothing; a bad size is refused', () => {
  const off = new VerifiedTokenCache<number>(0);
  off.set('a', 1);
  assert.equal(off.get('a'), undefined);
  assert.equal(off.size, 0);
  for (const bad of [-1, 1.5, Number.NaN]) {
    assert.throws(() => new VerifiedTokenCache<number>(bad), RangeError);
  }
});
