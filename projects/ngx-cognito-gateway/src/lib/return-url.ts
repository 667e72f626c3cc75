/**
 * `value` if it is a path inside this app, else `fallback`: what a `returnUrl` query parameter may
 * send the user to after signing in. Only same-origin paths pass: `//evil.example`, `/\evil.example`,
 * `https://…`, `javascript:…` and paths with a tab or newline (which the browser drops, turning
 * `/\t/evil.example` into `//evil.example`) all give `fallback`. Judged by the URL parser, as the
 * browser would read it.
 *
 * @example
 * import { safeReturnUrl } from 'ngx-cognito-gateway';
 * const target = safeReturnUrl(route.snapshot.queryParamMap.get('returnUrl'), '/home');
 * await router.navigateByUrl(target, { replaceUrl: true });
 */
export function safeReturnUrl(value: string | null | undefined, fallback = '/'): string {
  const origin = 'https://app.invalid';
  try {
    if (
      typeof value === 'string' &&
      value.startsWith('/') &&
      // eslint-disable-next-line no-control-regex
      !/[\x00-\x1f\x7f]/.test(value) &&
      new URL(value, origin).origin === origin
    ) {
      return value;
    }
  } catch {
    // Unparsable: not a place to go.
  }
  return fallback;
}
