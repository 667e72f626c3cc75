import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { MAX_CURSOR_CHARS, openCursor, sealCursor } from './cursor.ts';

const key = randomBytes(32);
const other = randomBytes(32);

test("a cursor opens for its owner only, under any of the server's keys", () => {
  const cursor = sealCursor([key], 'alice', '0190f3a2-6c1e-7b4d-9a21-5d0b7f9a4c11');
  assert.match(cursor, /^[A-Za-z0-9_-]+$/);
  assert.ok(cursor.length <= MAX_CURSOR_CHARS);
  assert.ok(!cursor.includes('0190'), 'the position is not readable');
  assert.equal(openCursor([key], 'alice', cursor), '0190f3a2-6c1e-7b4d-9a21-5d0b7f9a4c11');
  assert.equal(openCursor([other, key], 'alice', cursor), '0190f3a2-6c1e-7b4d-9a21-5d0b7f9a4c11');
  assert.equal(openCursor([key], 'bob', cursor), undefined);
  assert.equal(openCursor([key], 'alice ', cursor), undefined);
  assert.equal(openCursor([other], 'alice', cursor), undefined, 'a key the server no longer has');
  assert.notEqual(sealCursor([key], 'alice', 'p'), sealCursor([key], 'alice', 'p'), 'fresh IV');
});

test('any other text is no cursor: altered, truncated, padded, foreign, junk (property)', () => {
  const cursor = sealCursor([key], 'alice', '42');
  const bads = ['', 'x', 'A'.repeat(600), `${cursor}=`, cursor.slice(1), '!!'];
  // Every length of cursor: a character added is never ignored (base64url's stray bits).
  for (const position of ['4', '42', '421', '0190f3a2-6c1e-7b4d-9a21-5d0b7f9a4c11']) {
    const sealed = sealCursor([key], 'alice', position);
    bads.push(...['A', 'AA', 'AAA', 'Q', 'g'].map((extra) => `${sealed}${extra}`));
  }
  for (const bad of bads) {
    assert.equal(openCursor([key], 'alice', bad), undefined, bad);
  }
  fc.assert(
    fc.property(fc.nat({ max: cursor.length - 1 }), fc.constantFrom(...'ABCxyz0_-'), (at, c) => {
      fc.pre(cursor[at] !== c);
      const altered = cursor.slice(0, at) + c + cursor.slice(at + 1);
      assert.equal(openCursor([key], 'alice', altered), undefined);
    }),
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 700 }), (text) => {
      assert.equal(openCursor([key], 'alice', text), undefined);
    }),
  );
});
