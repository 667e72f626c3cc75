// Lambda entry point for API Gateway HTTP API payload format 2.0
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
// HTTP APIs lower-case header names in the event, and join repeated headers with commas.
import { parseCorsConfig } from './config.ts';
import { decidePreflight } from './decide-preflight.ts';

export interface PreflightEvent {
  readonly headers?: Readonly<Record<string, string | undefined>> | null;
}

export interface PreflightResult {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const config = parseCorsConfig(process.env);

export async function handler(event: PreflightEvent): Promise<PreflightResult> {
  const headers = event?.headers ?? {};
  const decision = decidePreflight(config, {
    origin: headers['origin'],
    requestMethod: headers['access-control-request-method'],
    requestHeaders: headers['access-control-request-headers'],
  });
  return { statusCode: decision.statusCode, headers: decision.headers, body: '' };
}
