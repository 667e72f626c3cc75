import type { AuthFormSpec, Problems, Values } from './auth-form';

/** What Cognito takes from what was typed: authenticator apps show six digits, often "123 456". */
export function totpDigits(typed: string): string {
  return typed.replace(/\s/g, '');
}

/** Six digits, spaces aside; Cognito has the last word on whether they are the right ones. */
function totpCodeRule(values: Values<'code'>): Problems<'code'> {
  const code = totpDigits(values.code);
  if (!code) return { code: 'Enter the 6-digit code from your authenticator app.' };
  if (!/^\d{6}$/.test(code)) return { code: 'The code is 6 digits, such as 123456.' };
  return {};
}

/** The form of both TOTP pages: the code alone. */
export const TOTP_CODE_FORM: AuthFormSpec<'code'> = {
  fields: ['code'],
  labels: { code: 'Code' },
  rules: totpCodeRule,
};
