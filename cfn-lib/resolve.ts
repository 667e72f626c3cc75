// Resolves the intrinsic functions the gateway needs from a parsed CloudFormation template, as
// documented in https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
// Parameters come from the parameters file (or defaults); resources resolve to their logical id.

export class TemplateResolveError extends Error {
  override readonly name = 'TemplateResolveError';
}

export const NO_VALUE = Symbol('AWS::NoValue');

export interface ResolveContext {
  parameters: Record<string, string | string[]>;
  conditions: Record<string, unknown>;
  resources: ReadonlySet<string>;
  region: string;
}

function pseudo(name: string, ctx: ResolveContext): string | typeof NO_VALUE | undefined {
  switch (name) {
    case 'AWS::Region':
      return ctx.region;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::AccountId':
      return '000000000000';
    case 'AWS::StackName':
      return 'local';
    case 'AWS::NoValue':
      return NO_VALUE;
    default:
      return undefined;
  }
}

function ref(name: string, ctx: ResolveContext): unknown {
  const p = pseudo(name, ctx);
  if (p !== undefined) return p;
  if (name in ctx.parameters) return ctx.parameters[name];
  if (ctx.resources.has(name)) return name;
  throw new TemplateResolveError(`!Ref ${name}: no such parameter or resource`);
}

export function evaluateCondition(name: string, ctx: ResolveContext): boolean {
  if (!(name in ctx.conditions)) throw new TemplateResolveError(`unknown condition ${name}`);
  return Boolean(resolve(ctx.conditions[name], ctx));
}

function sub(template: string, vars: Record<string, unknown>, ctx: ResolveContext): string {
  return template.replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
    if (name in vars) return String(vars[name]);
    const dot = name.indexOf('.');
    if (dot > 0 && ctx.resources.has(name.slice(0, dot))) return name;
    const value = ref(name, ctx);
    return Array.isArray(value) ? value.join(',') : String(value);
  });
}

export function resolve(node: unknown, ctx: ResolveContext): unknown {
  if (Array.isArray(node)) {
    return node.map((n) => resolve(n, ctx)).filter((n) => n !== NO_VALUE);
  }
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node);
  if (entries.length === 1) {
    const [key, arg] = entries[0];
    switch (key) {
      case 'Ref':
        return ref(String(arg), ctx);
      case 'Condition':
        return evaluateCondition(String(arg), ctx);
      case 'Fn::Sub': {
        if (typeof arg === 'string') return sub(arg, {}, ctx);
        const [text, vars] = arg as [string, Record<string, unknown>];
        const resolvedVars = Object.fromEntries(
          Object.entries(vars ?? {}).map(([k, v]) => [k, resolve(v, ctx)]),
        );
        return sub(text, resolvedVars, ctx);
      }
      case 'Fn::Join': {
        const [sep, list] = arg as [string, unknown];
        const values = resolve(list, ctx);
        if (!Array.isArray(values)) throw new TemplateResolveError('Fn::Join needs a list');
        return values.join(sep);
      }
      case 'Fn::Split': {
        const [sep, text] = arg as [string, unknown];
        return String(resolve(text, ctx)).split(sep);
      }
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        return (resolve(list, ctx) as unknown[])[Number(resolve(index, ctx))];
      }
      case 'Fn::GetAtt': {
        const [id, attr] = typeof arg === 'string' ? arg.split('.') : (arg as [string, string]);
        return `${id}.${attr}`;
      }
      case 'Fn::If': {
        const [cond, yes, no] = arg as [string, unknown, unknown];
        return resolve(evaluateCondition(cond, ctx) ? yes : no, ctx);
      }
      case 'Fn::Equals': {
        const [a, b] = arg as [unknown, unknown];
        return JSON.stringify(resolve(a, ctx)) === JSON.stringify(resolve(b, ctx));
      }
      case 'Fn::Not':
        return !resolve((arg as unknown[])[0], ctx);
      case 'Fn::And':
        return (arg as unknown[]).every((a) => resolve(a, ctx));
      case 'Fn::Or':
        return (arg as unknown[]).some((a) => resolve(a, ctx));
      default:
        if (key.startsWith('Fn::')) throw new TemplateResolveError(`${key} is not supported`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    const value = resolve(v, ctx);
    if (value !== NO_VALUE) out[k] = value;
  }
  return out;
}
