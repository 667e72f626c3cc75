// Offline template checks against the CloudFormation resource specification shipped in
// @aws-cdk/aws-service-spec: resource types, property names and types, required properties,
// Ref/GetAtt/Sub targets, DependsOn, and that every parameter and condition is used.
// Returns a list of problems rather than throwing, so a test can show them all at once.
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type { Template } from './cfn-yaml.ts';
import {
  collectUsage,
  negatedConditions,
  unguardedConditionalUses,
  type Usage,
} from './template-references.ts';

export { subVariables } from './template-references.ts';

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

/**
 * Properties `aws cloudformation package` accepts as a local path, which it uploads and replaces
 * with their S3 location before deploying:
 * https://awscli.amazonaws.com/v2/documentation/api/latest/reference/cloudformation/package.html
 */
const PACKAGED_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::Lambda::Function': ['Code'],
};

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
    // A local path for `aws cloudformation package` is checked by its own test, not as the
    // object it becomes.
    const paths = (PACKAGED_PROPERTIES[resource.Type] ?? []).filter(
      (name) => typeof resource.Properties?.[name] === 'string',
    );
    checkProperties(
      db,
      Object.fromEntries(Object.entries(properties).filter(([name]) => !paths.includes(name))),
      Object.fromEntries(
        Object.entries(resource.Properties ?? {}).filter(([name]) => !paths.includes(name)),
      ),
      `${where}.Properties`,
      problems,
    );
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
  const negations = negatedConditions(conditions);
  for (const [logicalId, resource] of Object.entries(resources)) {
    const guards = new Set(resource.Condition === undefined ? [] : [resource.Condition]);
    unguardedConditionalUses(
      resource.Properties,
      `Resources.${logicalId}.Properties`,
      guards,
      conditionOf,
      problems,
      negations,
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
