import type { Problems, Values } from './auth-form';

/** Authenticator apps show six digits, often as "123 456". */
export function totpCodeRule(values: Values<'code'>): Problems<'code'> {
  const code = values.code.replace(/\s/g, '');
  if (!code) return { code: 'Enter the 6-digit code from your authenticator app.' };
  if (!/^\d{6}$/.test(code)) return { code: 'The code is 6 digits, such as 123456.' };
  return {};
}
