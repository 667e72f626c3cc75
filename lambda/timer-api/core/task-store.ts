// What the Timer API needs from storage, whatever the engine (DynamoDB in ../dynamo-store.ts,
// SQLite in local/timer-server/store.ts): every read and write is scoped to an owner, so another
// owner's task is indistinguishable from a missing one, and a write can be made conditional on the
// version read.
// Async, because a network store answers later; each implementation says how it keeps the rules
// when requests interleave.
import type {
  Task,
  TaskDraft,
} from '../../../projects/ngx-cognito-gateway/timer/src/generated/timer-api.ts';

// The contract's types, generated from openapi/timer-api.yaml (one source for every user of them).
export type {
  DayOfWeek,
  Task,
  TaskDraft,
} from '../../../projects/ngx-cognito-gateway/timer/src/generated/timer-api.ts';

/** What a conditional write found: the task's version differed from the one expected. */
export const STALE = 'stale';
/** The owner already has as many tasks as allowed. */
export const LIMIT_REACHED = 'limit-reached';

export const DEFAULT_MAX_TASKS_PER_OWNER = 1000;

/** One page of an owner's tasks, oldest first. */
export interface TaskPage {
  /** The tasks, each with the position a page that follows it starts after. */
  readonly items: readonly { readonly task: Task; readonly position: string }[];
  /** Whether the owner has tasks after the last item. */
  readonly more: boolean;
}

export interface TaskStore {
  /**
   * Up to `limit` of the owner's tasks, oldest first, after the task at `after` (a position an
   * earlier page gave; the first page without it). undefined: `after` is no position of this store.
   * A position stays usable when its task is deleted.
   */
  listPage(owner: string, page: { limit: number; after?: string }): Promise<TaskPage | undefined>;
  get(owner: string, id: string): Promise<Task | undefined>;
  create(owner: string, draft: TaskDraft): Promise<Task | typeof LIMIT_REACHED>;
  /** `expectedVersion` undefined: unconditional. undefined: no such task of this owner. */
  update(
    owner: string,
    id: string,
    draft: TaskDraft,
    expectedVersion?: number,
  ): Promise<Task | typeof STALE | undefined>;
  /** true: deleted; false: no such task of this owner. */
  delete(owner: string, id: string, expectedVersion?: number): Promise<boolean | typeof STALE>;
  /** Most tasks one owner may have. */
  readonly maxTasksPerOwner: number;
}

/**
 * Only the draft's own fields are stored; id, owner, version and timestamps are the store's, so a
 * body can never overwrite them.
 */
export function draftFields(draft: TaskDraft): TaskDraft {
  const { name, description, hour, minute, daysOfWeek, executionCommand, executeUntil } = draft;
  return { name, description, hour, minute, daysOfWeek, executionCommand, executeUntil };
}
