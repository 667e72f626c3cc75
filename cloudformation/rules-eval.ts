// Evaluates the template's Rules and Conditions for a set of parameter values, as CloudFormation
// does before it creates anything, so tests can show which combinations a deploy refuses:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/rules-section-structure.html
import type { Template } from '../cfn-lib/cfn-yaml.ts';

export type ParameterValues = Record<string, string>;

function valueOf(template: Template, given: ParameterValues, name: string): string | string[] {
  const spec = template.Parameters?.[name];
  if (!spec) throw new Error(`no parameter ${name}`);
  const raw = given[name] ?? spec['Default'];
  if (raw === undefined) throw new Error(`parameter ${name} has no value`);
  return String(spec['Type']).startsWith('CommaDelimitedList')
    ? String(raw).split(',')
    : String(raw);
}

export function evaluate(template: Template, given: ParameterValues, node: unknown): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  const [[key, arg]] = Object.entries(node) as [[string, unknown]];
  const args = arg as unknown[];
  const ev = (n: unknown) => evaluate(template, given, n);
  switch (key) {
    case 'Ref':
      return valueOf(template, given, String(arg));
    case 'Condition':
      return evaluate(template, given, template.Conditions![String(arg)]);
    case 'Fn::Equals':
      return JSON.stringify(ev(args[0])) === JSON.stringify(ev(args[1]));
    case 'Fn::Not':
      return !ev(args[0]);
    case 'Fn::And':
      return args.every((a) => ev(a));
    case 'Fn::Or':
      return args.some((a) => ev(a));
    case 'Fn::Contains':
      return (ev(args[0]) as unknown[]).map(String).includes(String(ev(args[1])));
    default:
      throw new Error(`${key} is not evaluated here`);
  }
}

/** The AssertDescription of every failing assertion; [] when a deploy would go ahead. */
export function ruleFailures(template: Template, given: ParameterValues): string[] {
  const failures: string[] = [];
  for (const rule of Object.values(template.Rules ?? {}) as Record<string, unknown>[]) {
    if (rule['RuleCondition'] !== undefined && !evaluate(template, given, rule['RuleCondition'])) {
      continue;
    }
    for (const assertion of rule['Assertions'] as {
      Assert: unknown;
      AssertDescription: string;
    }[]) {
      if (!evaluate(template, given, assertion.Assert)) failures.push(assertion.AssertDescription);
    }
  }
  return failures;
}

export const conditionHolds = (template: Template, given: ParameterValues, name: string) =>
  Boolean(evaluate(template, given, { Condition: name }));
