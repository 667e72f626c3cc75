// What an HTTP integration receives: no hop-by-hop field (RFC 9110 §7.6.1), no X-Forwarded-*
// and no x-amzn-* from the client, and one Forwarded header whose last element is the gateway's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionOptions, integrationRequestHeaders, parseForwarded } from './forwarding.ts';

const OWN = 'for=127.0.0.1;host=gw.local;proto=http';

test('fields named in Connection and fixed hop-by-hop fields are not forwarded', () => {
  const out = integrationRequestHeaders(
    {
      host: 'gw.local',
      connection: 'keep-alive, X-Foo,  x-bar',
      'x-foo': 'secret',
      'x-bar': 'also',
      'x-baz': 'kept',
      'keep-alive': 'timeout=5',
      'proxy-connection': 'keep-alive',
      'proxy-authorization': 'Basic x',
      te: 'trailers',
      trailer: 'x-t',
      upgrade: 'h2c',
      'transfer-encoding': 'chunked',
      'content-length': '5',
      authorization: 'Bearer t',
    },
    '127.0.0.1',
  );
  assert.deepEqual(out, { 'x-baz': 'kept', authorization: 'Bearer t', forwarded: OWN });
  assert.deepEqual([...connectionOptions(['close, A', 'b'])], ['close', 'a', 'b']);
});

test('client X-Forwarded-* become Forwarded elements before the gateway own, and are not sent', () => {
  const out = integrationRequestHeaders(
    {
      host: 'gw.local',
      'x-forwarded-for': '203.0.113.7, 2001:db8::1',
      'x-forwarded-host': 'bank.example',
      'x-forwarded-proto': 'https',
      'x-forwarded-port': '443',
      'x-real-ip': '198.51.100.1',
      'x-amzn-trace-id': 'Root=1-forged',
      'x-amzn-requestid': 'forged',
      'x-amz-date': '20240101T000000Z',
    },
    '::1',
  );
  assert.deepEqual(out, {
    'x-real-ip': '198.51.100.1',
    'x-amz-date': '20240101T000000Z',
    forwarded:
      'for=203.0.113.7, for="[2001:db8::1]";host=bank.example;proto=https, for="[::1]";host=gw.local;proto=http',
  });
});

test("a client Forwarded header is re-written, and one that does not parse can't swallow the gateway element", () => {
  const forwarded = (value: string) =>
    integrationRequestHeaders({ host: 'gw.local', forwarded: value }, '127.0.0.1').forwarded;
  assert.equal(forwarded('For="[::2]";proto=https'), `for="[::2]";proto=https, ${OWN}`);
  assert.equal(forwarded('for=a, for=b'), `for=a, for=b, ${OWN}`);
  for (const bad of [
    'for="unclosed',
    'for',
    'for=a b',
    '=x',
    'for=a;;',
    'for=a,,for=b',
    'for=\\x',
  ]) {
    assert.equal(forwarded(bad), OWN, bad);
    assert.equal(parseForwarded(bad), undefined, bad);
  }
  // Connection may make the client's claims hop-by-hop: then they are not passed on.
  assert.equal(
    integrationRequestHeaders(
      { host: 'gw.local', connection: 'forwarded', forwarded: 'for=a', 'x-forwarded-for': 'b' },
      '127.0.0.1',
    ).forwarded,
    `for=b, ${OWN}`,
  );
});

test('the parser reads quoted-strings and escapes as RFC 7239 writes them', () => {
  assert.deepEqual(parseForwarded('for="_a\\"b";by=x,for=c'), [
    [
      ['for', '_a"b'],
      ['by', 'x'],
    ],
    [['for', 'c']],
  ]);
  assert.equal(
    integrationRequestHeaders({ forwarded: 'for="_a\\"b"' }, '10.0.0.1').forwarded,
    'for="_a\\"b", for=10.0.0.1;proto=http',
  );
});
