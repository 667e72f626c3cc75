import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { etagOf, ifMatchAllows, parseIfMatch } from './conditional.ts';

describe('If-Match (RFC 9110 §13.1.1)', () => {
  it('reads *, one tag, lists, weak tags and tags holding commas', () => {
    assert.equal(parseIfMatch('*'), '*');
    assert.deepEqual(parseIfMatch('"3"'), [{ weak: false, tag: '3' }]);
    assert.deepEqual(parseIfMatch(' "1" , W/"2","a,b"'), [
      { weak: false, tag: '1' },
      { weak: true, tag: '2' },
      { weak: false, tag: 'a,b' },
    ]);
  });

  it('skips empty list elements, as RFC 9110 §5.6.1.2 requires of recipients', () => {
    assert.deepEqual(parseIfMatch(', "1"'), [{ weak: false, tag: '1' }]);
    assert.deepEqual(parseIfMatch('"9",, "1"'), [
      { weak: false, tag: '9' },
      { weak: false, tag: '1' },
    ]);
    assert.deepEqual(parseIfMatch(' , ,"x" ,, "y", '), [
      { weak: false, tag: 'x' },
      { weak: false, tag: 'y' },
    ]);
  });

  for (const bad of [
    '',
    ' ',
    ',',
    ', ,',
    '3',
    '"3',
    '3"',
    '"3" "4"',
    'W/3',
    '"a"b"',
    '**',
    '*, "1"',
    '"\u0000"',
    `"1",${' '.repeat(1100)}"2"`,
  ]) {
    it(`refuses ${JSON.stringify(bad).slice(0, 40)}`, () =>
      assert.equal(parseIfMatch(bad), undefined));
  }

  it('matches strongly: only the current version, never a weak tag', () => {
    assert.equal(etagOf(7), '"7"');
    assert.equal(ifMatchAllows('*', 7), true);
    assert.equal(ifMatchAllows(parseIfMatch('"7"')!, 7), true);
    assert.equal(ifMatchAllows(parseIfMatch('"6", "7"')!, 7), true);
    assert.equal(ifMatchAllows(parseIfMatch('W/"7"')!, 7), false);
    assert.equal(ifMatchAllows(parseIfMatch('"07"')!, 7), false);
  });

  it('lets a change through exactly when the list names the current ETag (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weak: fc.boolean(), v: fc.integer({ min: 1, max: 50 }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.constantFrom(', ', ',', ' , ,', ',,'), { minLength: 6, maxLength: 6 }),
        (tags, version, separators) => {
          // Any separator, with empty elements in it, between and around the tags.
          const header =
            tags
              .map(({ weak, v }, i) => `${separators[i]!.slice(1)}${weak ? 'W/' : ''}"${v}"`)
              .join(', ') + separators[5]!.slice(0, 1);
          const parsed = parseIfMatch(header);
          assert.ok(parsed && parsed !== '*');
          const expected = tags.some(({ weak, v }) => !weak && v === version);
          assert.equal(ifMatchAllows(parsed, version), expected);
        },
      ),
    );
  });
});
