import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VerifiedTokenCache } from './token-cache.ts';

test('never holds more than maxEntries; the least recently used goes first', () => {
  const cache = new VerifiedTokenCache<number>(3);
  cache.set('a', 1);
  cache.set('b', 2);
  cache.set('c', 3);
  assert.equal(cache.get('a'), 1); // a is now the most recent
  cache.set('d', 4); // evicts b
  assert.deepEqual(cache.keys(), ['c', 'a', 'd']);
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('d'), 4); // already the newest: order unchanged
  assert.deepEqual(cache.keys(), ['c', 'a', 'd']);
  cache.set('a', 10); // replacing refreshes
  assert.deepEqual(cache.keys(), ['c', 'd', 'a']);
  for (let i = 0; i < 1000; i++) {
    cache.set(`t${i}`, i);
    assert.ok(cache.size <= 3);
  }
  assert.deepEqual(cache.keys(), ['t997', 't998', 't999']);
  cache.delete('t999');
  assert.equal(cache.get('t999'), undefined);
  assert.equal(cache.get('t997'), 997);
  assert.deepEqual(cache.keys(), ['t998', 't997']);
  cache.clear();
  assert.equal(cache.size, 0);
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
