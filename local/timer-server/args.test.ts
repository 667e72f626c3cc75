import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DB, DEFAULT_PORT, parseCliArgs, UsageError } from './args.ts';

const ISSUER = 'http://127.0.0.1:9229/local_pool';
const TOKEN_FLAGS = ['--issuer', ISSUER, '--audience', 'c1'];
const AUTH = { issuer: ISSUER, audience: ['c1'], scopes: [] };

describe('parseCliArgs', () => {
  it('defaults to port 3100, a db file under the gitignored local/data/ and 1000 tasks a user', () => {
    assert.deepEqual(parseCliArgs(TOKEN_FLAGS), {
      port: DEFAULT_PORT,
      db: DEFAULT_DB,
      auth: AUTH,
      maxTasksPerUser: 1000,
    });
    assert.equal(DEFAULT_PORT, 3100);
    assert.match(DEFAULT_DB, /\/local\/data\/timer\.sqlite$/);
  });

  it('reads --port, --db, the token flags and --max-tasks-per-user, in both spellings', () => {
    assert.deepEqual(
      parseCliArgs(['--port', '0', '--db', ':memory:', ...TOKEN_FLAGS, '--scopes', 'a,b/c']),
      { port: 0, db: ':memory:', auth: { ...AUTH, scopes: ['a', 'b/c'] }, maxTasksPerUser: 1000 },
    );
    assert.deepEqual(
      parseCliArgs([
        '--port=65535',
        '--db=/tmp/x.db',
        `--issuer=${ISSUER}`,
        '--audience=c1,c2',
        '--max-tasks-per-user=5',
        '--jwks-max-age=60',
      ]),
      {
        port: 65535,
        db: '/tmp/x.db',
        auth: { ...AUTH, audience: ['c1', 'c2'], jwksMaxAgeSeconds: 60 },
        maxTasksPerUser: 5,
      },
    );
  });

  it('runs without token checks only when told so, with nothing else about tokens', () => {
    assert.equal(parseCliArgs(['--insecure-no-auth']).auth, 'insecure-no-auth');
    assert.throws(() => parseCliArgs(['--insecure-no-auth', ...TOKEN_FLAGS]), UsageError);
    assert.throws(() => parseCliArgs(['--insecure-no-auth', '--scopes', 'a']), UsageError);
  });

  for (const argv of [
    [],
    ['--issuer', ISSUER],
    ['--audience', 'c1'],
    ['--issuer', 'ftp://x', '--audience', 'c1'],
    ['--issuer', ISSUER, '--audience', ','],
    [...TOKEN_FLAGS, '--scopes', 'a b'],
    [...TOKEN_FLAGS, '--max-tasks-per-user', '0'],
    [...TOKEN_FLAGS, '--max-tasks-per-user', '1e3'],
    [...TOKEN_FLAGS, '--max-tasks-per-user', '-1'],
    [...TOKEN_FLAGS, '--jwks-max-age', '0'],
    ['--insecure-no-auth', '--jwks-max-age', '60'],
  ]) {
    it(`rejects ${JSON.stringify(argv)}`, () => {
      assert.throws(() => parseCliArgs(argv), UsageError);
    });
  }

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
      assert.throws(() => parseCliArgs([...argv, ...TOKEN_FLAGS]), UsageError);
    });
  }
});
