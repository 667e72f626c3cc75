import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DB, DEFAULT_PORT, parseCliArgs, UsageError } from './args.ts';

describe('parseCliArgs', () => {
  it('defaults to port 3100 and a db file under the gitignored local/data/', () => {
    assert.deepEqual(parseCliArgs([]), { port: DEFAULT_PORT, db: DEFAULT_DB });
    assert.equal(DEFAULT_PORT, 3100);
    assert.match(DEFAULT_DB, /\/local\/data\/timer\.sqlite$/);
  });

  it('reads --port and --db, in both spellings', () => {
    assert.deepEqual(parseCliArgs(['--port', '0', '--db', ':memory:']), {
      port: 0,
      db: ':memory:',
    });
    assert.deepEqual(parseCliArgs(['--port=65535', '--db=/tmp/x.db']), {
      port: 65535,
      db: '/tmp/x.db',
    });
  });

  for (const argv of [
    ['--port', '-1'],
    ['--port', '65536'],
    ['--port', '3.5'],
    ['--port', 'abc'],
    ['--port', ''],
    ['--db', ''],
    ['--host', '0.0.0.0'],
    ['extra'],
  ]) {
    it(`rejects ${argv.join(' ')}`, () => {
      assert.throws(() => parseCliArgs(argv), UsageError);
    });
  }
});
