// The access log of a real gateway (local template, RS256 tokens of the test issuer, a recording
// upstream): one line per request, with the verified token's identity or the authorizer's error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIssuer, type TestIssuer } from '../jwt-authorizer/test-issuer.ts';
import { fileAccessLog, type AccessLogEntry } from './access-log.ts';
import { parseGatewayArgs, GatewayArgsError } from './args.ts';
import type { RunningGateway } from './server.ts';
import { startTestGateway, startUpstream, TEST_CLIENT_ID, type Upstream } from './testing.ts';

let issuer: TestIssuer;
let upstream: Upstream;
let gateway: RunningGateway;
const dir = mkdtempSync(join(tmpdir(), 'gateway-access-log-'));
const file = join(dir, 'access.jsonl');

before(async () => {
  issuer = await startIssuer();
  upstream = await startUpstream();
  gateway = await startTestGateway(
    { issuer: issuer.issuer, upstream: upstream.url },
    { accessLog: fileAccessLog(file) },
  );
});
after(async () => {
  await gateway?.close();
  await upstream?.close();
  await issuer?.close();
  rmSync(dir, { recursive: true, force: true });
});

const lines = (): AccessLogEntry[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AccessLogEntry);

test('one line per request: when, what, the answer, and whose token (never the token)', async () => {
  const token = await issuer.accessToken({
    sub: 'user-1',
    client_id: TEST_CLIENT_ID,
    scope: 'aws.cognito.signin.user.admin',
    jti: 'token-1',
  });
  const started = Date.now();
  const ok = await fetch(`${gateway.url}/tasks?limit=2`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await ok.text();
  const refused = await fetch(`${gateway.url}/tasks`, {
    headers: { authorization: 'Bearer not-a-token' },
  });
  await refused.text();
  const missing = await fetch(`${gateway.url}/tasks`, { method: 'OPTIONS' });
  await missing.text();
  await new Promise((resolve) => setTimeout(resolve, 50)); // lines are written on close

  const [first, second, third] = lines();
  assert.equal(lines().length, 3);
  assert.deepEqual(
    { ...first, requestId: undefined, requestTimeEpoch: undefined },
    {
      requestId: undefined,
      requestTimeEpoch: undefined,
      httpMethod: 'GET',
      path: '/tasks',
      routeKey: '$default',
      status: 200,
      authorizer: {
        claims: {
          sub: 'user-1',
          client_id: TEST_CLIENT_ID,
          jti: 'token-1',
          iat: JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).iat,
          exp: JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).exp,
        },
      },
    },
  );
  assert.ok(first!.requestTimeEpoch >= started && first!.requestTimeEpoch <= Date.now());
  assert.equal(ok.headers.get('apigw-requestid'), first!.requestId);
  assert.equal(second!.status, 401);
  assert.equal(typeof (second!.authorizer as { error: string }).error, 'string');
  assert.ok(!JSON.stringify(lines()).includes(token), 'the token itself is never logged');
  assert.equal(third!.httpMethod, 'OPTIONS');
  assert.equal(third!.authorizer, undefined);
});

test('--access-log names the file; none without it; empty is an error', () => {
  const parse = (argv: string[]) => parseGatewayArgs(argv, { template: 't.yaml' }).accessLog;
  assert.equal(parse([]), undefined);
  assert.equal(parse(['--access-log', 'a.jsonl']), 'a.jsonl');
  assert.throws(() => parse(['--access-log', '']), GatewayArgsError);
});
