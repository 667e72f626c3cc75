// The Timer API on Lambda behind an HTTP API's `$default` route (AWS_PROXY, payload 2.0), on
// DynamoDB. The core (core/: request validation, the error model, the rules) is this Lambda's own
// and the local reference server runs the same one, so both backends answer alike. Beside it, only
// the transport (event.ts) and the storage (dynamo-store.ts) are the Lambda's.
//
// Who calls: API Gateway's JWT authorizer verified the token before invoking, and the function's
// resource policy lets only this API invoke it (cloudformation/api.yaml, TimerPermission); the
// owner is the verified `sub` (event.ts ownerOf).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseTimerConfig } from './config.ts';
import { problemResponse, problems } from './core/problem.ts';
import { compileTimerSchemas } from './core/schema.ts';
import { createTimerHandler } from './core/timer-handler.ts';
import { tableCursorKeys } from './cursor-keys.ts';
import { dynamoTaskStore } from './dynamo-store.ts';
import {
  ownerOf,
  resultOf,
  timerRequestOf,
  type HttpApiEvent,
  type HttpApiResult,
} from './event.ts';
import { specDocument } from './spec-document.ts';

export type { HttpApiEvent, HttpApiResult } from './event.ts';

// Read once per execution environment, at init: a bad setting fails the start, not a request.
const config = parseTimerConfig(process.env);
const client = new DynamoDBClient(
  config.endpoint
    ? {
        endpoint: config.endpoint,
        region: config.region,
        // The offline table (dynalite) checks no signature; AWS is never reached with these.
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }
    : {},
);
const store = dynamoTaskStore(client, {
  tableName: config.tableName,
  maxTasksPerOwner: config.maxTasksPerUser,
});
const timer = createTimerHandler(store, compileTimerSchemas(specDocument()), {
  cursorKeys: tableCursorKeys(DynamoDBDocumentClient.from(client), config.tableName),
});

const WWW_AUTHENTICATE = 'Bearer error="invalid_token", error_description="no verified subject"';

export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  const request = timerRequestOf(event);
  const owner = ownerOf(event);
  if (owner === undefined) {
    const refusal = problemResponse(
      problems.unauthorized(
        'No verified token subject that can own tasks (1 to 255 bytes of text): this function only runs behind the JWT authorizer',
      ),
      { 'www-authenticate': WWW_AUTHENTICATE },
    );
    return resultOf(refusal, request.method);
  }
  try {
    return resultOf(await timer(owner, request), request.method);
  } catch (error) {
    // Logged with the stack (CloudWatch, the function's own log group), answered without it.
    console.error('timer-api: request failed', error);
    return resultOf(problemResponse(problems.internal()), request.method);
  }
}
