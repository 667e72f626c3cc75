import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MAX_OWNER_BYTES, ownerFromSub } from './owner.ts';

test('a sub owns tasks when it is 1–255 UTF-8 bytes of well-formed text without controls', () => {
  for (const good of [
    '3f6c2a1e-8b4d-4c7a-9e21-5d0b7f9a4c11',
    'auth0|abc',
    'é',
    '🕑',
    'x'.repeat(255),
  ]) {
    assert.equal(ownerFromSub(good), good);
  }
  assert.equal(ownerFromSub('é'.repeat(127)), 'é'.repeat(127), '254 bytes');
  for (const bad of [
    undefined,
    null,
    7,
    '',
    'x'.repeat(256),
    'é'.repeat(128), // 128 characters, 256 bytes
    '🕑'.repeat(64), // 128 UTF-16 units, 256 bytes
    '\ud800x',
    '\udc00x',
    'x\ud800',
    'a\u0000b',
    '\u0000config',
    'a\nb',
    'a\u007fb',
  ]) {
    assert.equal(ownerFromSub(bad), undefined, JSON.stringify(bad));
  }
});

test('two subs that differ are two owners, or are refused: none collapse into one (property)', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      (a, b) => {
        const [oa, ob] = [ownerFromSub(a), ownerFromSub(b)];
        if (oa === undefined || ob === undefined) return;
        // What a store keeps is the UTF-8 text: distinct owners stay distinct there.
        assert.equal(Buffer.from(oa).equals(Buffer.from(ob)), a === b);
        assert.ok(Buffer.byteLength(oa) <= MAX_OWNER_BYTES);
      },
    ),
  );
});
