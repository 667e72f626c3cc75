/** Only same-app paths: a returnUrl like `//evil.example` or `https://…` must not navigate away. */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/timers';
  }
  return value;
}
