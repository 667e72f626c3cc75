/**
 * Every error this library raises. `name` is stable (minifiers rename classes, not strings), so
 * apps can branch on `error.name` as well as `instanceof`.
 *
 * @example
 * import { CognitoGatewayError } from 'ngx-cognito-gateway';
 * http.get(url).subscribe({
 *   error: (error: unknown) => {
 *     if (error instanceof CognitoGatewayError) console.warn(error.name, error.message);
 *   },
 * });
 */
export class CognitoGatewayError extends Error {
  override readonly name: string = 'CognitoGatewayError';
}

/**
 * The configuration given to `provideCognitoAuth` / `CognitoAuthModule.forRoot` (or a feature
 * such as `withSignInRedirect`) is unusable. Thrown at start-up, when the provider is called.
 * `option` names what is wrong (`'token'`, `'allowedUrls[1]'`, `'signInUrl'`; `undefined` when
 * the whole config is missing) and `value` is what was given.
 *
 * @example
 * import { CognitoAuthConfigError, provideCognitoAuth } from 'ngx-cognito-gateway';
 * try {
 *   provideCognitoAuth({ allowedUrls: ['http://api.example.com'] });
 * } catch (error) {
 *   if (error instanceof CognitoAuthConfigError) console.error(error.option, error.value);
 * }
 */
export class CognitoAuthConfigError extends CognitoGatewayError {
  override readonly name = 'CognitoAuthConfigError';
  constructor(
    message: string,
    readonly option?: string,
    readonly value?: unknown,
  ) {
    super(message);
  }
}

/**
 * `whenSignedOut: 'error'` and there is no session: the request was not sent.
 *
 * @example
 * import { NotSignedInError } from 'ngx-cognito-gateway';
 * if (error instanceof NotSignedInError) void router.navigateByUrl('/sign-in');
 */
export class NotSignedInError extends CognitoGatewayError {
  override readonly name = 'NotSignedInError';
  constructor(readonly url: string) {
    super(`Not signed in, not sent: ${url}`);
  }
}

/**
 * Fetching or refreshing the session failed (usually the network); the request was not sent.
 *
 * @example
 * import { TokenRefreshError } from 'ngx-cognito-gateway';
 * if (error instanceof TokenRefreshError) showOffline(error.url, error.cause);
 */
export class TokenRefreshError extends CognitoGatewayError {
  override readonly name = 'TokenRefreshError';
  constructor(
    readonly url: string,
    options: { cause: unknown },
  ) {
    // String(error) is "name: message" for an Error.
    super(`No fresh Cognito token for ${url}: ${String(options.cause)}`, options);
  }
}

/** Amplify reports an unreachable Cognito as `NetworkError`; `fetch` itself, as a TypeError. */
export function isNetworkFailure(cause: unknown): boolean {
  return cause instanceof TypeError || (cause as Error | undefined)?.name === 'NetworkError';
}
