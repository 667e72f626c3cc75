/** A string claim of a JWT (its payload decoded as UTF-8 JSON), or null when there is none. */
export function stringClaim(token: string | undefined, name: string): string | null {
  try {
    const base64 = token!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes))[name];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
