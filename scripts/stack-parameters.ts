// Turns a parameters file (`create-stack --parameters file://` format) into what
// `aws cloudformation deploy --parameter-overrides` takes, and names the stack after it.
// https://awscli.amazonaws.com/v2/documentation/api/latest/reference/cloudformation/deploy.html
import type { StackParameter } from '../cfn-lib/cfn-yaml.ts';

export class StackParametersError extends Error {
  override readonly name = 'StackParametersError';
}

/** Values in the example parameter files that the user must replace before deploying. */
const PLACEHOLDER = /changeme/i;

export function parameterOverrides(parameters: readonly StackParameter[]): string[] {
  const placeholders = parameters.filter((p) => PLACEHOLDER.test(p.ParameterValue));
  if (placeholders.length > 0) {
    throw new StackParametersError(
      `replace the placeholder values of ${placeholders.map((p) => p.ParameterKey).join(', ')} before deploying`,
    );
  }
  return parameters.map((p) => {
    if (/[\r\n]/.test(p.ParameterValue)) {
      throw new StackParametersError(`${p.ParameterKey} must be a single line`);
    }
    return `${p.ParameterKey}=${p.ParameterValue}`;
  });
}

/** `${App}-${Env}-${Name}`, the same prefix as the stack's export names. */
export function stackName(parameters: readonly StackParameter[]): string {
  const value = (key: string) => {
    const found = parameters.find((p) => p.ParameterKey === key)?.ParameterValue;
    if (!found) throw new StackParametersError(`the parameters file must set ${key}`);
    return found;
  };
  const name = `${value('App')}-${value('Env')}-${value('Name')}`;
  // Stack names: letters, digits and hyphens, starting with a letter, at most 128 characters.
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(name)) {
    throw new StackParametersError(`"${name}" is not a valid stack name`);
  }
  return name;
}
