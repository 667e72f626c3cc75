// How the emulated actions register into cognito-local 5.3.0's own target table, the one its router
// looks each request's x-amz-target up in when the request comes: an action it lacks is added, one
// it has is wrapped (launch-cognito-local.ts registers them all, in order).
import { createRequire } from 'node:module';
import type { Services, Target, TargetFactory, TargetTable } from './internals.ts';

const require = createRequire(import.meta.url);

/** cognito-local's target table. */
export function cognitoLocalTargets(): TargetTable {
  return (require('cognito-local/lib/targets/targets.js') as { Targets: TargetTable }).Targets;
}

/** The target `name` of cognito-local (or the emulated action registered for it so far). */
export function existingTarget(targets: TargetTable, name: string): TargetFactory {
  const target = targets[name];
  if (!target) throw new Error(`cognito-local has no ${name} target`);
  return target;
}

const wrapped = new WeakMap<TargetTable, Set<string>>();

/**
 * Replaces the target `name` by `wrap(current)`, once per table and layer: registering twice never
 * wraps twice, while a check of another layer (the password policy, over every action that sets a
 * password) still wraps what an emulated action has put there.
 */
export function wrapTarget(
  targets: TargetTable,
  name: string,
  wrap: (current: TargetFactory) => TargetFactory,
  layer = 'action',
): void {
  const done = wrapped.get(targets) ?? new Set<string>();
  wrapped.set(targets, done);
  if (done.has(`${layer} ${name}`)) return;
  targets[name] = wrap(existingTarget(targets, name));
  done.add(`${layer} ${name}`);
}

/** Adds an action cognito-local lacks (it answers 500 "CognitoLocal#Unsupported" for those). */
export function addTarget<Req, Res>(
  targets: TargetTable,
  name: string,
  target: (services: Services) => Target<Req, Res>,
): void {
  targets[name] = target as unknown as TargetFactory;
}
