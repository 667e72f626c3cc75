// References inside a template: what each Ref, GetAtt, Sub variable and condition use names, and
// which uses of a conditional resource sit outside a guard on its condition.

/** Variables named in a Fn::Sub string, minus `${!Literal}` escapes. */
export function subVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((match) => match[1]!.trim());
}

export interface Usage {
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

/**
 * A resource with a Condition does not exist when the condition is false, so every reference to it
 * must sit in the true branch of an `Fn::If` on that condition, or in a resource with the same
 * condition; otherwise CloudFormation fails the deployment with an unresolved dependency.
 */
export function unguardedConditionalUses(
  value: unknown,
  where: string,
  guards: ReadonlySet<string>,
  conditionOf: (logicalId: string) => string | undefined,
  problems: string[],
  negations: ReadonlyMap<string, string> = new Map(),
): void {
  const recurse = (child: unknown, at: string, within: ReadonlySet<string>) =>
    unguardedConditionalUses(child, at, within, conditionOf, problems, negations);
  if (Array.isArray(value)) {
    value.forEach((item, index) => recurse(item, `${where}[${index}]`, guards));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  const ifArgs = record['Fn::If'];
  if (Array.isArray(ifArgs) && typeof ifArgs[0] === 'string') {
    recurse(ifArgs[1], where, new Set([...guards, ifArgs[0]]));
    // The false branch holds where a condition defined as `!Not [!Condition X]` is true.
    const negation = negations.get(ifArgs[0]);
    recurse(ifArgs[2], where, negation ? new Set([...guards, negation]) : guards);
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
      recurse(child, `${where}.${key}`, guards);
    }
  }
}

/** Each condition X that another condition negates (`N: !Not [!Condition X]`), mapped to N. */
export function negatedConditions(conditions: Record<string, unknown>): Map<string, string> {
  const found = new Map<string, string>();
  for (const [name, definition] of Object.entries(conditions)) {
    const not = (definition as Record<string, unknown> | null)?.['Fn::Not'];
    const inner = Array.isArray(not) ? (not[0] as Record<string, unknown> | null) : undefined;
    if (typeof inner?.['Condition'] === 'string') found.set(inner['Condition'], name);
  }
  return found;
}
