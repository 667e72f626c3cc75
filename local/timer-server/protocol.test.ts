// HTTP/1.1 itself, over raw sockets where fetch would refuse or rewrite the request: binding, HEAD,
// and the requests Node refuses before the app sees them (refusals.ts), which must still get a
// problem+json body.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VALID_DRAFT } from '../../lambda/timer-api/core/drafts.fixture.ts';
import { assertProblem, call, exchange, parseResponse, withServer } from './testing.ts';

describe('timer server: HTTP/1.1', () => {
  it('binds 127.0.0.1 only', () =>
    withServer(async ({ url, server }) => {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((server.address() as { address: string }).address, '127.0.0.1');
    }));

  it('answers HEAD wherever GET is supported: same status and headers, no body', () =>
    withServer(async ({ url }) => {
      const created = await call(`${url}/tasks`, { method: 'POST', body: VALID_DRAFT });
      const { id } = created.json as { id: string };
      for (const path of ['/tasks', `/tasks/${id}`, '/tasks/no-such-id', '/elsewhere']) {
        // HEAD then GET on one connection: a body sent after HEAD's headers would be read as the
        // start of the GET's response.
        const text = await exchange(
          url,
          `HEAD ${path} HTTP/1.1\r\nHost: x\r\n\r\nGET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
        );
        const head = parseResponse(text, { bodyless: true });
        const get = parseResponse(head.rest);
        assert.equal(head.statusLine, get.statusLine, path);
        assert.notEqual(get.status, 405, path);
        for (const name of ['content-type', 'content-length', 'cache-control', 'allow']) {
          assert.equal(head.headers.get(name), get.headers.get(name), `${path} ${name}`);
        }
        assert.ok(Number(get.headers.get('content-length')) > 0, path);
        assert.equal(get.rest, '', path);
      }
      assert.equal((await call(`${url}/tasks`, { method: 'HEAD' })).status, 200);
    }));

  const refused: [string, string, number, RegExp][] = [
    ['a malformed request line', 'G@T /tasks HTTP/1.1\r\nHost: x\r\n\r\n', 400, /not valid HTTP/],
    [
      'Content-Length together with Transfer-Encoding',
      'POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      /Transfer-Encoding/,
    ],
    ['an HTTP/1.1 request without Host', 'GET /tasks HTTP/1.1\r\n\r\n', 400, /Host/],
    [
      'two Host headers',
      'GET /tasks HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n',
      400,
      /more than one Host/,
    ],
    [
      'headers over 16 KiB',
      `GET /tasks HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      /16384 bytes/,
    ],
    [
      'an expectation other than 100-continue',
      'POST /tasks HTTP/1.1\r\nHost: x\r\nExpect: a-miracle\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
      417,
      /a-miracle/,
    ],
    // Headers that never end and a body that never ends: Node's deadlines, 300 ms here.
    ['headers that never finish', 'GET /tasks HTTP/1.1\r\nHost: x\r\n', 408, /300 ms/],
    [
      'a body that never finishes',
      'POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na',
      408,
      /300 ms/,
    ],
  ];
  for (const [what, request, status, detail] of refused) {
    it(`answers ${what} with a ${status} problem and closes`, () =>
      withServer(
        async ({ url }) => {
          const response = parseResponse(await exchange(url, request));
          assert.match(assertProblem(response, status).detail, detail);
          assert.equal(response.headers.get('connection'), 'close');
          assert.equal(response.rest, '');
          // Nothing was stored, and the server still serves.
          assert.deepEqual((await call(`${url}/tasks`)).json, []);
        },
        { requestTimeoutMs: 300 },
      ));
  }

  // A body the server answers without reading is not drained: the connection closes after the
  // answer, also while the body is still arriving. One it read leaves the connection open.
  const withBody = (head: string, headers: Record<string, string> = {}) => {
    const all = {
      host: 'x',
      'content-type': 'application/json',
      'content-length': '1000',
      ...headers,
    };
    const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}\r\n`);
    return `${head}\r\n${lines.join('')}\r\n{"name":`;
  };
  const unread: [string, string, Record<string, string>, number][] = [
    ['declared too large', 'POST /tasks HTTP/1.1', { 'content-length': '100000' }, 413],
    ['of another media type', 'POST /tasks HTTP/1.1', { 'content-type': 'text/plain' }, 415],
    ['in a content coding', 'POST /tasks HTTP/1.1', { 'content-encoding': 'gzip' }, 415],
    ['of a replacement without If-Match', 'PUT /tasks/some-id HTTP/1.1', {}, 428],
    ['sent with a GET', 'GET /tasks HTTP/1.1', {}, 200],
  ];
  for (const [what, head, headers, status] of unread) {
    it(`answers a body ${what} with ${status} before it has arrived, and closes`, () =>
      withServer(async ({ url }) => {
        const response = parseResponse(await exchange(url, withBody(head, headers)));
        assert.equal(response.status, status, response.text);
        assert.equal(response.headers.get('connection'), 'close');
        assert.equal(response.rest, '');
      }));
  }

  it('closes after refusing a caller whose body is still arriving', () =>
    withServer(
      async ({ url }) => {
        const response = parseResponse(await exchange(url, withBody('POST /tasks HTTP/1.1')));
        assertProblem(response, 401);
        assert.equal(response.headers.get('connection'), 'close');
      },
      // No token, so no key is ever fetched from this issuer.
      { auth: { issuer: 'http://127.0.0.1:1/pool', audience: ['client1'] } },
    ));

  it('keeps the connection open after answering a body it read', () =>
    withServer(async ({ url }) => {
      const text = await exchange(
        url,
        withBody('POST /tasks HTTP/1.1', { 'content-length': '8' }) +
          'GET /tasks HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      );
      const invalid = parseResponse(text);
      assertProblem(invalid, 400);
      assert.equal(invalid.headers.get('connection'), 'keep-alive');
      assert.equal(parseResponse(invalid.rest).status, 200);
    }));

  it('still serves HTTP/1.0 without Host', () =>
    withServer(async ({ url }) => {
      const response = parseResponse(await exchange(url, 'GET /tasks HTTP/1.0\r\n\r\n'));
      assert.equal(response.status, 200);
      assert.deepEqual(response.json, []);
    }));
});
