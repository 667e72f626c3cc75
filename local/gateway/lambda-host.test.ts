import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpretResult, loadHandler, payloadV2Event } from './lambda-host.ts';
import { CORS_LAMBDA_FILE } from '../../tools/paths.ts';

test('payload 2.0 event: lower-case joined headers, raw path and query, base64 body', () => {
  const event = payloadV2Event({
    method: 'OPTIONS',
    rawPath: '/tasks/1',
    rawQueryString: 'a=1&a=2&b=3',
    headers: { Origin: 'http://localhost:4200', 'X-Multi': ['x', 'y'] },
    routeKey: 'OPTIONS /{proxy+}',
    sourceIp: '127.0.0.1',
    body: Buffer.from('hi'),
  }) as Record<string, any>;
  assert.equal(event.version, '2.0');
  assert.equal(event.headers.origin, 'http://localhost:4200');
  assert.equal(event.headers['x-multi'], 'x,y');
  assert.deepEqual(event.queryStringParameters, { a: '1,2', b: '3' });
  assert.equal(event.requestContext.http.method, 'OPTIONS');
  assert.equal(event.requestContext.routeKey, 'OPTIONS /{proxy+}');
  assert.equal(Buffer.from(event.body, 'base64').toString(), 'hi');
  assert.equal(event.isBase64Encoded, true);
});

test('results: explicit statusCode kept, anything else becomes 200 JSON', () => {
  assert.deepEqual(interpretResult({ statusCode: 204, headers: { Vary: 'Origin' } }), {
    statusCode: 204,
    headers: { vary: 'Origin' },
    body: Buffer.from(''),
  });
  const inferred = interpretResult({ a: 1 });
  assert.equal(inferred.statusCode, 200);
  assert.equal(inferred.body.toString(), '{"a":1}');
});

test('each env gets its own handler instance and process.env is restored', async () => {
  const before = process.env.ALLOWED_ORIGINS;
  const [a, b] = await Promise.all([
    loadHandler(CORS_LAMBDA_FILE, { ALLOWED_ORIGINS: 'https://a.example' }),
    loadHandler(CORS_LAMBDA_FILE, { ALLOWED_ORIGINS: 'https://b.example' }),
  ]);
  assert.equal(process.env.ALLOWED_ORIGINS, before);
  const pre = (origin: string) => ({
    headers: { origin, 'access-control-request-method': 'GET' },
  });
  assert.equal(((await a(pre('https://a.example'))) as { statusCode: number }).statusCode, 204);
  assert.equal(((await a(pre('https://b.example'))) as { statusCode: number }).statusCode, 403);
  assert.equal(((await b(pre('https://b.example'))) as { statusCode: number }).statusCode, 204);
  await assert.rejects(loadHandler(CORS_LAMBDA_FILE, { ALLOWED_ORIGINS: '*' }));
  assert.equal(process.env.ALLOWED_ORIGINS, before);
});
