// What the local user pool takes from the template's own pool and app client, so that what works
// offline works on AWS: the password policy (12 characters, every character class) and the app
// client's PreventUserExistenceErrors. One source: cloudformation/api.yaml, read with cfn-lib.
import { loadTemplate } from '../../cfn-lib/cfn-yaml.ts';
import { TEMPLATE_FILE } from '../../tools/paths.ts';
import type { PasswordPolicy } from './internals.ts';

export interface TemplatePool {
  passwordPolicy: PasswordPolicy;
  preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
}

const KEYS: Record<keyof PasswordPolicy, 'number' | 'boolean'> = {
  MinimumLength: 'number',
  RequireLowercase: 'boolean',
  RequireUppercase: 'boolean',
  RequireNumbers: 'boolean',
  RequireSymbols: 'boolean',
  TemporaryPasswordValidityDays: 'number',
};

function properties(template: ReturnType<typeof loadTemplate>, type: string) {
  const found = Object.values(template.Resources).filter((r) => r.Type === type);
  if (found.length !== 1)
    throw new Error(`the template must have one ${type}, not ${found.length}`);
  return found[0]!.Properties ?? {};
}

/**
 * The template's pool settings. Each must be a literal: a value the template computes (`!If`,
 * `!Ref`) would need the stack's parameters, and the local pool would silently differ.
 */
export function templatePool(path = TEMPLATE_FILE): TemplatePool {
  const template = loadTemplate(path);
  const policies = properties(template, 'AWS::Cognito::UserPool')['Policies'] as
    { PasswordPolicy?: Record<string, unknown> } | undefined;
  const passwordPolicy: PasswordPolicy = {};
  for (const [key, value] of Object.entries(policies?.PasswordPolicy ?? {})) {
    const type = KEYS[key as keyof PasswordPolicy];
    if (type === undefined || typeof value !== type) {
      throw new Error(`${path}: PasswordPolicy.${key} must be a literal ${type ?? 'known key'}`);
    }
    Object.assign(passwordPolicy, { [key]: value });
  }
  const prevent = properties(template, 'AWS::Cognito::UserPoolClient')[
    'PreventUserExistenceErrors'
  ];
  if (prevent !== 'ENABLED' && prevent !== 'LEGACY') {
    throw new Error(`${path}: PreventUserExistenceErrors must be ENABLED or LEGACY`);
  }
  return { passwordPolicy, preventUserExistenceErrors: prevent };
}
