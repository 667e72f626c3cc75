// Minimal client for the Cognito user pools JSON API (what cognito-local serves), no AWS SDK:
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html
export class CognitoApiError extends Error {
  override readonly name = 'CognitoApiError';
  readonly type: string;
  constructor(type: string, message: string) {
    super(`${type}: ${message}`);
    this.type = type;
  }
}

/** One action's HTTP exchange, answered as it comes (status and body unread). */
export function cognitoRequest(
  endpoint: string,
  action: string,
  body: Record<string, unknown>,
): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

export async function cognitoCall<T = Record<string, unknown>>(
  endpoint: string,
  action: string,
  body: Record<string, unknown>,
): Promise<T> {
  const response = await cognitoRequest(endpoint, action, body);
  const text = await response.text();
  const json = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  if (!response.ok) {
    throw new CognitoApiError(
      String(json.code ?? json.__type ?? response.status),
      String(json.message ?? text),
    );
  }
  return json as T;
}
