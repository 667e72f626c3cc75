// Offline template checks against the CloudFormation resource specification shipped in
// @aws-cdk/aws-service-spec: resource types, property names and types, required properties,
// Ref/GetAtt/Sub targets, DependsOn, and that every parameter and condition is used.
// Returns a list of problems rather than throwing, so a test can show them all at once.
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type { Template } from './cfn-yaml.ts';

type SpecDatabase = ReturnType<typeof loadAwsServiceSpecSync>;

interface PropertyType {
  type: string;
  element?: PropertyType;
  types?: PropertyType[];
  reference?: { $ref: string };
}

interface SpecProperty {
  type: PropertyType;
  required?: boolean;
}

/** https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/pseudo-parameter-reference.html */
const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

const RESOURCE_KEYS = new Set([
  'Type',
  'Properties',
  'Condition',
  'DependsOn',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Metadata',
  'CreationPolicy',
  'UpdatePolicy',
]);

let cachedDb: SpecDatabase | undefined;
export function specDatabase(): SpecDatabase {
  cachedDb ??= loadAwsServiceSpecSync();
  return cachedDb;
}

function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

/** Variables named in a Fn::Sub string, minus `${!Literal}` escapes. */
export function subVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((match) => match[1]!.trim());
}

interface Usage {
  refs: Array<{ name: string; where: string }>;
  getAtts: Array<{ resource: string; attribute: string; where: string }>;
  conditions: Array<{ name: string; where: string }>;
}

/** Collects every Ref, GetAtt, Sub variable and condition use under `value`. */
export function collectUsage(value: unknown, where: string, usage: Usage): Usage {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectUsage(item, `${where}[${index}]`, usage));
    return usage;
  }
  if (typeof value !== 'object' || value === null) return usage;
  const record = value as Record<string, unknown>;
  if (typeof record['Ref'] === 'string') usage.refs.push({ name: record['Ref'], where });
  if (typeof record['Condition'] === 'string' && Object.keys(record).length === 1) {
    usage.conditions.push({ name: record['Condition'], where });
  }
  const getAtt = record['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && typeof getAtt[1] === 'string') {
    usage.getAtts.push({ resource: getAtt[0], attribute: getAtt[1], where });
  }
  const ifArgs = record['Fn::If'];
  if (Array.isArray(ifArgs) && typeof ifArgs[0] === 'string') {
    usage.conditions.push({ name: ifArgs[0], where });
  }
  const sub = record['Fn::Sub'];
  if (sub !== undefined) {
    const [text, locals] = Array.isArray(sub) ? sub : [sub, {}];
    const localNames = new Set(Object.keys((locals as Record<string, unknown>) ?? {}));
    for (const variable of subVariables(String(text))) {
      if (localNames.has(variable)) continue;
      const dot = variable.indexOf('.');
      if (dot > 0) {
        usage.getAtts.push({
          resource: variable.slice(0, dot),
          attribute: variable.slice(dot + 1),
          where,
        });
      } else {
        usage.refs.push({ name: variable, where });
      }
    }
    if (Array.isArray(sub)) collectUsage(sub[1], where, usage);
    return usage;
  }
  for (const [key, child] of Object.entries(record)) collectUsage(child, `${where}.${key}`, usage);
  return usage;
}

function checkValue(
  db: SpecDatabase,
  type: PropertyType,
  value: unknown,
  where: string,
  problems: string[],
): void {
  if (isIntrinsic(value)) {
    const ifArgs = value['Fn::If'];
    if (Array.isArray(ifArgs)) {
      for (const branch of ifArgs.slice(1)) {
        const noValue = isIntrinsic(branch) && branch['Ref'] === 'AWS::NoValue';
        if (!noValue) checkValue(db, type, branch, where, problems);
      }
    }
    return;
  }
  switch (type.type) {
    case 'string':
      if (typeof value !== 'string' && typeof value !== 'number') {
        problems.push(`${where}: expected a string`);
      }
      return;
    case 'integer':
    case 'number':
      if (
        typeof value !== 'number' &&
        !(typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
      ) {
        problems.push(`${where}: expected a number`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') {
        problems.push(`${where}: expected a boolean`);
      }
      return;
    case 'array':
      if (!Array.isArray(value)) {
        problems.push(`${where}: expected a list`);
        return;
      }
      value.forEach((item, index) =>
        checkValue(db, type.element!, item, `${where}[${index}]`, problems),
      );
      return;
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push(`${where}: expected a map`);
        return;
      }
      for (const [key, item] of Object.entries(value)) {
        checkValue(db, type.element!, item, `${where}.${key}`, problems);
      }
      return;
    case 'ref': {
      const definition = db.get('typeDefinition', type.reference!.$ref) as unknown as {
        properties: Record<string, SpecProperty>;
      };
      checkProperties(db, definition.properties, value, where, problems);
      return;
    }
    case 'union': {
      const attempts = type.types!.map((option) => {
        const found: string[] = [];
        checkValue(db, option, value, where, found);
        return found;
      });
      if (!attempts.some((found) => found.length === 0)) problems.push(...attempts[0]!);
      return;
    }
    default:
      return; // json, tag, date-time: free-form
  }
}

function checkProperties(
  db: SpecDatabase,
  spec: Record<string, SpecProperty>,
  value: unknown,
  where: string,
  problems: string[],
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${where}: expected an object`);
    return;
  }
  const given = value as Record<string, unknown>;
  for (const [name, property] of Object.entries(spec)) {
    if (property.required && !(name in given)) problems.push(`${where}: missing required ${name}`);
  }
  for (const [name, child] of Object.entries(given)) {
    const property = spec[name];
    if (property === undefined) {
      problems.push(`${where}: unknown property ${name}`);
      continue;
    }
    checkValue(db, property.type, child, `${where}.${name}`, problems);
  }
}

/**
 * A resource with a Condition does not exist when the condition is false, so every reference to it
 * must sit in the true branch of an `Fn::If` on that condition, or in a resource with the same
 * condition; otherwise CloudFormation fails the deployment with an unresolved dependency.
 */
function unguardedConditionalUses(
  value: unknown,
  where: string,
  guards: ReadonlySet<string>,
  conditionOf: (logicalId: string) => string | undefined,
  problems: string[],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      unguardedConditionalUses(item, `${where}[${index}]`, guards, conditionOf, problems),
    );
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  const ifArgs = record['Fn::If'];
  if (Array.isArray(ifArgs) && typeof ifArgs[0] === 'string') {
    const inside = new Set([...guards, ifArgs[0]]);
    unguardedConditionalUses(ifArgs[1], where, inside, conditionOf, problems);
    unguardedConditionalUses(ifArgs[2], where, guards, conditionOf, problems);
    return;
  }
  const usage = collectUsage(
    Object.fromEntries(
      Object.entries(record).filter(
        ([key]) => key === 'Ref' || key === 'Fn::GetAtt' || key === 'Fn::Sub',
      ),
    ),
    where,
    { refs: [], getAtts: [], conditions: [] },
  );
  for (const target of [
    ...usage.refs.map((r) => r.name),
    ...usage.getAtts.map((g) => g.resource),
  ]) {
    const condition = conditionOf(target);
    if (condition !== undefined && !guards.has(condition)) {
      problems.push(
        `${where}: uses ${target}, which exists only if ${condition}, outside Fn::If ${condition}`,
      );
    }
  }
  for (const [key, child] of Object.entries(record)) {
    if (key !== 'Ref' && key !== 'Fn::GetAtt' && key !== 'Fn::Sub') {
      unguardedConditionalUses(child, `${where}.${key}`, guards, conditionOf, problems);
    }
  }
}

export function checkTemplate(template: Template, db: SpecDatabase = specDatabase()): string[] {
  const problems: string[] = [];
  const parameters = template.Parameters ?? {};
  const conditions = template.Conditions ?? {};
  const resources = template.Resources;
  const outputs = template.Outputs ?? {};
  const usage: Usage = { refs: [], getAtts: [], conditions: [] };

  for (const [logicalId, resource] of Object.entries(resources)) {
    const where = `Resources.${logicalId}`;
    const spec = db.lookup('resource', 'cloudFormationType', 'equals', resource.Type);
    if (spec.length !== 1) {
      problems.push(`${where}: unknown resource type ${resource.Type}`);
      continue;
    }
    for (const key of Object.keys(resource)) {
      if (!RESOURCE_KEYS.has(key)) problems.push(`${where}: unknown resource attribute ${key}`);
    }
    const properties = spec.only().properties as unknown as Record<string, SpecProperty>;
    checkProperties(db, properties, resource.Properties ?? {}, `${where}.Properties`, problems);
    collectUsage(resource.Properties, `${where}.Properties`, usage);
    if (resource.Condition !== undefined)
      usage.conditions.push({ name: resource.Condition, where });
    for (const dependency of [resource.DependsOn ?? []].flat()) {
      if (!(dependency in resources)) problems.push(`${where}: DependsOn unknown ${dependency}`);
    }
  }
  for (const [name, output] of Object.entries(outputs)) {
    collectUsage(output, `Outputs.${name}`, usage);
    if (typeof output['Condition'] === 'string') {
      usage.conditions.push({ name: output['Condition'], where: `Outputs.${name}` });
    }
  }
  const conditionOf = (logicalId: string) => resources[logicalId]?.Condition;
  for (const [logicalId, resource] of Object.entries(resources)) {
    const guards = new Set(resource.Condition === undefined ? [] : [resource.Condition]);
    unguardedConditionalUses(
      resource.Properties,
      `Resources.${logicalId}.Properties`,
      guards,
      conditionOf,
      problems,
    );
  }
  for (const [name, output] of Object.entries(outputs)) {
    const guards = new Set(typeof output['Condition'] === 'string' ? [output['Condition']] : []);
    unguardedConditionalUses(
      output['Value'],
      `Outputs.${name}.Value`,
      guards,
      conditionOf,
      problems,
    );
  }
  collectUsage(conditions, 'Conditions', usage);
  collectUsage(template.Rules ?? {}, 'Rules', usage);

  for (const { name, where } of usage.refs) {
    if (!(name in parameters) && !(name in resources) && !PSEUDO_PARAMETERS.has(name)) {
      problems.push(`${where}: Ref to unknown ${name}`);
    }
  }
  for (const { resource, attribute, where } of usage.getAtts) {
    const target = resources[resource];
    if (target === undefined) {
      problems.push(`${where}: GetAtt on unknown resource ${resource}`);
      continue;
    }
    const spec = db.lookup('resource', 'cloudFormationType', 'equals', target.Type);
    if (spec.length === 1 && !(attribute in spec.only().attributes)) {
      problems.push(`${where}: ${target.Type} has no attribute ${attribute}`);
    }
  }
  for (const { name, where } of usage.conditions) {
    if (!(name in conditions)) problems.push(`${where}: unknown condition ${name}`);
  }
  const usedConditions = new Set(usage.conditions.map((use) => use.name));
  for (const name of Object.keys(conditions)) {
    if (!usedConditions.has(name)) problems.push(`Conditions.${name}: never used`);
  }
  const usedNames = new Set(usage.refs.map((use) => use.name));
  for (const name of Object.keys(parameters)) {
    if (!usedNames.has(name)) problems.push(`Parameters.${name}: never used`);
  }
  return problems;
}
