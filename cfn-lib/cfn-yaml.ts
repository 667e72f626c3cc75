// Reads a CloudFormation YAML template into the same JSON shape CloudFormation itself works on:
// each short-form intrinsic tag (`!Ref`, `!Sub`, `!GetAtt`, ...) becomes its long form
// (`{ Ref }`, `{ 'Fn::Sub' }`, ...), as documented in
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
// so checks (and the local gateway) never need to know which form the template used.
import { readFileSync } from 'node:fs';
import { parseDocument, type Tags } from 'yaml';

export class TemplateParseError extends Error {
  override readonly name = 'TemplateParseError';
}

/** Functions allowed in templates, Conditions and Rules, keyed by their short tag. */
const FUNCTIONS = [
  'And',
  'Base64',
  'Cidr',
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'Equals',
  'FindInMap',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Length',
  'Not',
  'Or',
  'RefAll',
  'Select',
  'Split',
  'Sub',
  'ToJsonString',
  'Transform',
  'ValueOf',
  'ValueOfAll',
] as const;

function longForm(tag: string, value: unknown): Record<string, unknown> {
  if (tag === 'Ref') return { Ref: value };
  if (tag === 'Condition') return { Condition: value };
  if (tag === 'GetAtt' && typeof value === 'string') {
    // `!GetAtt Logical.Attribute` splits at the first dot; attribute names may contain dots.
    const dot = value.indexOf('.');
    if (dot <= 0) throw new TemplateParseError(`!GetAtt "${value}" must be Resource.Attribute`);
    return { 'Fn::GetAtt': [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${tag}`]: value };
}

function tagsFor(name: string): Tags {
  const tag = `!${name}`;
  return [
    { tag, resolve: (value: string) => longForm(name, value) },
    { tag, collection: 'seq', resolve: (seq) => longForm(name, seq.toJSON()) },
    { tag, collection: 'map', resolve: (map) => longForm(name, map.toJSON()) },
  ];
}

export const cloudFormationTags: Tags = ['Ref', 'Condition', 'GetAtt', ...FUNCTIONS].flatMap(
  tagsFor,
);

export type Template = Record<string, unknown> & {
  Parameters?: Record<string, Record<string, unknown>>;
  Conditions?: Record<string, unknown>;
  Rules?: Record<string, unknown>;
  Resources: Record<string, TemplateResource>;
  Outputs?: Record<string, Record<string, unknown>>;
};

export interface TemplateResource {
  Type: string;
  Condition?: string;
  DependsOn?: string | string[];
  Properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export function parseTemplate(text: string): Template {
  const parsed = parseDocument(text, { customTags: cloudFormationTags, prettyErrors: true });
  // A misspelt tag (`!Reff`) is only a warning to the yaml package, but CloudFormation rejects it.
  const problems = [...parsed.errors, ...parsed.warnings];
  if (problems.length > 0) {
    throw new TemplateParseError(
      `template is not valid: ${problems.map((p) => p.message).join('; ')}`,
    );
  }
  const document: unknown = parsed.toJS();
  if (typeof document !== 'object' || document === null || !('Resources' in document)) {
    throw new TemplateParseError('template has no Resources section');
  }
  return document as Template;
}

export function loadTemplate(path: string): Template {
  return parseTemplate(readFileSync(path, 'utf8'));
}

/** Parameters file in the `aws cloudformation create-stack --parameters file://` format. */
export interface StackParameter {
  ParameterKey: string;
  ParameterValue: string;
}

export function loadParameters(path: string): StackParameter[] {
  const list = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (
    !Array.isArray(list) ||
    !list.every(
      (item) => typeof item?.ParameterKey === 'string' && typeof item?.ParameterValue === 'string',
    )
  ) {
    throw new TemplateParseError(
      `${path}: expected [{"ParameterKey": "...", "ParameterValue": "..."}]`,
    );
  }
  return list as StackParameter[];
}
