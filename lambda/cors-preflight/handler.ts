// Lambda entry point for API Gateway HTTP API payload format 2.0
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
// HTTP APIs lower-case header names in the event and join repeated headers with commas; other
// callers (the local gateway, a console test event) may not, so names are matched
// case-insensitively and a header given twice under different cases is joined the same way, which
// can never equal a single allowed origin.
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

function header(
  headers: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined {
  const values = Object.keys(headers)
    .filter((key) => key.toLowerCase() === name)
    .map((key) => headers[key])
    .filter((value) => typeof value === 'string');
  return values.length === 0 ? undefined : values.join(',');
}

export async function handler(event: PreflightEvent): Promise<PreflightResult> {
  const headers = event?.headers ?? {};
  const decision = decidePreflight(config, {
    origin: header(headers, 'origin'),
    requestMethod: header(headers, 'access-control-request-method'),
    requestHeaders: header(headers, 'access-control-request-headers'),
  });
  return { statusCode: decision.statusCode, headers: decision.headers, body: '' };
}
