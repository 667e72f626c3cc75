// The size limits the gateway applies, with where each comes from.

/**
 * HTTP API quotas: "Payload size 10 MB", "Total combined size of request line and header values
 * 10240 bytes", neither adjustable
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html).
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
export const MAX_HEADER_BYTES = 10240;

/**
 * Lambda: "For synchronous invocations, the maximum payload size is 6 MB"
 * (https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html); Lambda words the refusal
 * "Request must be smaller than 6291456 bytes". The payload is the whole event as JSON, the body
 * in it base64-encoded, so a route with a Lambda integration takes at most 3/4 of it as raw body.
 */
export const LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024;
export const MAX_LAMBDA_BODY_BYTES = Math.floor(LAMBDA_PAYLOAD_BYTES / 4) * 3;

/**
 * Lambda's quota is the same for what a function returns: "Invocation payload (request and
 * response): 6 MB each for request and response" for synchronous invocations
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html). The response payload
 * is the function's result as JSON; past the quota Lambda returns the error
 * `Function.ResponseSizeTooLarge` instead, and an HTTP API whose Lambda integration fails answers
 * `500 {"message":"Internal Server Error"}`, the failure only in the access log's
 * `$context.integrationErrorMessage`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-lambda.html).
 */
export const LAMBDA_RESPONSE_BYTES = LAMBDA_PAYLOAD_BYTES;

/**
 * Bytes of request bodies the gateway holds at once, per kind of route (body.ts). Not an AWS
 * quota (AWS scales out): the emulator's own bound on memory, so concurrent large bodies cannot
 * grow it without limit. Lambda routes are unauthenticated (the CORS preflight), so their budget
 * is separate and holds one largest body: real preflights carry no body and never touch it.
 */
export const LAMBDA_BODY_BUDGET_BYTES = MAX_LAMBDA_BODY_BYTES;
export const PROXY_BODY_BUDGET_BYTES = 4 * MAX_BODY_BYTES;
