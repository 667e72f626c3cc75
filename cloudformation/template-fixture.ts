// Shared by the template tests: the template and its parameters, parsed once per test file.
import { TEMPLATE_FILE } from '../tools/paths.ts';
import { loadParameters, loadTemplate, type TemplateResource } from '../cfn-lib/cfn-yaml.ts';

export const template = loadTemplate(TEMPLATE_FILE);

export function resourcesOfType(type: string): Array<[string, TemplateResource]> {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

export function onlyResourceOfType(type: string): [string, TemplateResource] {
  const found = resourcesOfType(type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}

export function parameterPattern(name: string): RegExp {
  const pattern = template.Parameters?.[name]?.['AllowedPattern'];
  if (typeof pattern !== 'string') throw new Error(`${name} has no AllowedPattern`);
  return new RegExp(pattern);
}

export { loadParameters };

/** The CORS preflight function: the one Lambda whose code is inline in the template. */
export function inlineFunction(): [string, TemplateResource] {
  const found = resourcesOfType('AWS::Lambda::Function').filter(
    ([, fn]) => typeof (fn.Properties?.['Code'] as { ZipFile?: unknown })?.ZipFile === 'string',
  );
  if (found.length !== 1) throw new Error(`expected one inline function, found ${found.length}`);
  return found[0]!;
}
