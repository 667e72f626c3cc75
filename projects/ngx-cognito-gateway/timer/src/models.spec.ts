import type { DayOfWeek, Task, TaskDraft } from 'ngx-cognito-gateway/timer';
import type * as Generated from './generated/timer-api';

// Compile-time drift check: the public, documented models must be exactly the types generated
// from openapi/timer-api.yaml (openapi/generate.test.ts keeps the generated file fresh). If they
// differ, `true` is not assignable to `false` and the spec build fails.
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Flat<T> = { [K in keyof T]: T[K] };

const sameDayOfWeek: Equal<DayOfWeek, Generated.DayOfWeek> = true;
const sameTaskDraft: Equal<Flat<TaskDraft>, Flat<Generated.TaskDraft>> = true;
const sameTask: Equal<Flat<Task>, Flat<Generated.Task>> = true;

describe('Timer models', () => {
  it('are the types generated from openapi/timer-api.yaml', () => {
    expect([sameDayOfWeek, sameTaskDraft, sameTask]).toEqual([true, true, true]);
  });
});
