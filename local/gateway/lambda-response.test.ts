// What the gateway does with a Lambda function's answer larger than Lambda returns: AWS Lambda
// refuses a response payload over 6 MB and the HTTP API answers 500 (limits.ts cites both pages).
// A real gateway on 127.0.0.1 with a real module as the function, answering as many bytes as asked.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CORS_LAMBDA_FILE } from '../../tools/paths.ts';
import { LAMBDA_RESPONSE_BYTES } from './limits.ts';
import { startGateway, type RunningGateway } from './server.ts';

let dir: string;
let gateway: RunningGateway;
const logs: string[] = [];
const FUNCTION = `export async function handler(event) {
  const bytes = Number(new URLSearchParams(event.rawQueryString).get('bytes'));
  return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(bytes), isBase64Encoded: false };
}`;
/** The function's result with an empty body, as JSON: what every answer adds to its body. */
const OVERHEAD = JSON.stringify({
  statusCode: 200,
  headers: { 'content-type': 'text/plain' },
  body: '',
  isBase64Encoded: false,
}).length;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-lambda-'));
  await writeFile(join(dir, 'index.mjs'), FUNCTION);
  gateway = await startGateway({
    config: {
      routes: [{ routeKey: '$default', integration: { kind: 'lambda', env: {}, codeUri: dir } }],
    },
    lambdaFile: CORS_LAMBDA_FILE,
    log: (line) => logs.push(line),
  });
});
after(async () => {
  await gateway?.close();
  await rm(dir, { recursive: true, force: true });
});

const answer = (bytes: number) => fetch(`${gateway.url}/big?bytes=${bytes}`);

test("a function's answer of exactly 6 MB as JSON passes, one byte more is API Gateway's 500", async () => {
  const largest = await answer(LAMBDA_RESPONSE_BYTES - OVERHEAD);
  assert.equal(largest.status, 200);
  assert.equal((await largest.text()).length, LAMBDA_RESPONSE_BYTES - OVERHEAD);

  const over = await answer(LAMBDA_RESPONSE_BYTES - OVERHEAD + 1);
  assert.equal(over.status, 500);
  assert.deepEqual(await over.json(), { message: 'Internal Server Error' });
  assert.ok(over.headers.get('apigw-requestid'));
  assert.ok(
    logs.some((line) => /Function\.ResponseSizeTooLarge/.test(line)),
    'the reason is logged, as AWS puts it in $context.integrationErrorMessage',
  );
});
