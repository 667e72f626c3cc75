/** Enough of an address to catch a slip; Cognito has the last word. */
export function emailRule(value: string): { username?: string } {
  const email = value.trim();
  if (!email) return { username: 'Enter your email address.' };
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return { username: 'Enter an email address, such as name@example.com.' };
  }
  return {};
}
