// The per-owner task limit on DynamoDB, exact under any concurrency, from single-item conditional
// writes only (dynalite, which the tests run on, has no transactions). DynamoDB applies a
// conditional write to one item atomically: the condition is checked and the write done as one
// step, or nothing is written
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html,
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.ConditionalUpdate),
// and strongly consistent reads see every write acknowledged before them
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html).
//
// The owner's meta item holds `count` and one marker per create or delete under way:
// - A create first reserves: `SET p_<id> = now ADD count 1` only while `count < limit`, so at most
//   `limit` tasks and reservations exist at any moment. Then it puts the task, then removes its
//   marker (the task now stands for its count).
// - A delete first marks `d_<id>`, deletes the task, then `REMOVE d_<id> ADD count -1` only while
//   the marker is there, so each task's count goes back exactly once.
// So `count` is never below the tasks plus the creates under way, and the limit holds whatever
// stops where. It can only be too high, and only where a marker says so; a create that finds the
// owner full settles those markers (repair below) and tries once more, so nobody is refused while
// below the limit with no other create under way. Every write is also safe to repeat (the SDK
// retries a write whose answer was lost): a reservation's condition refuses a second one with the
// same marker, and the other writes remove a marker or change nothing.
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { META_KEY, TASK_PREFIX } from './table.ts';

/**
 * How long a create may take between its reservation and its task: longer than the function's
 * timeout (10 s, cloudformation/api.yaml), after which Lambda stops the execution environment and
 * nothing it started is sent (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html).
 * An older reservation without its task belongs to a create that stopped: its count goes back.
 */
export const RESERVATION_LEASE_MS = 60_000;

const isConditionFailure = (error: unknown) =>
  (error as { name?: string }).name === 'ConditionalCheckFailedException';

type Meta = Record<string, unknown>;

export interface OwnerLimit {
  /** Takes a slot for the task `id` about to be put; false: the owner has `limit` already. */
  reserve(owner: string, id: string): Promise<boolean>;
  /** The task is stored: its reservation is done. */
  settle(owner: string, id: string): Promise<void>;
  /** The task was certainly not stored: its slot goes back. */
  release(owner: string, id: string): Promise<void>;
  /** A delete of task `id` is about to start. */
  markDelete(owner: string, id: string): Promise<void>;
  /** The task was deleted (`true`) or not (`false`): its slot goes back once, or the mark goes. */
  endDelete(owner: string, id: string, deleted: boolean): Promise<void>;
}

export function ownerLimit(
  doc: DynamoDBDocumentClient,
  options: { tableName: string; limit: number; now: () => Date },
): OwnerLimit {
  const { tableName: TableName, limit } = options;
  const Key = (owner: string) => ({ pk: owner, sk: META_KEY });

  /** One update of the meta item; false when its condition did not hold. */
  async function update(
    owner: string,
    expression: string,
    names: Record<string, string>,
    values: Record<string, unknown> | undefined,
    condition?: string,
  ): Promise<boolean> {
    try {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: Key(owner),
          UpdateExpression: expression,
          ExpressionAttributeNames: names,
          ...(values ? { ExpressionAttributeValues: values } : {}),
          ...(condition ? { ConditionExpression: condition } : {}),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Gives a marker's slot back, once: only the write that removes the marker does. */
  const giveBack = (owner: string, marker: string) =>
    update(
      owner,
      'REMOVE #m ADD #count :minus',
      { '#m': marker, '#count': 'count' },
      { ':minus': -1 },
      'attribute_exists(#m)',
    );
  const unmark = (owner: string, marker: string) =>
    update(owner, 'REMOVE #m', { '#m': marker }, undefined);

  async function meta(owner: string): Promise<Meta> {
    const { Item } = await doc.send(
      new GetCommand({ TableName, Key: Key(owner), ConsistentRead: true }),
    );
    return Item ?? {};
  }

  async function taskExists(owner: string, id: string): Promise<boolean> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName,
        Key: { pk: owner, sk: `${TASK_PREFIX}${id}` },
        ConsistentRead: true,
        ProjectionExpression: 'sk',
      }),
    );
    return Item !== undefined;
  }

  /**
   * Settles the markers left by creates and deletes that stopped halfway; true when a slot came
   * back. Markers of operations still under way are left alone: a young reservation counts (its
   * task may come), and a delete whose task is still there has not happened yet.
   */
  async function repair(owner: string, found: Meta): Promise<boolean> {
    const expired = options.now().getTime() - RESERVATION_LEASE_MS;
    let freed = false;
    for (const [marker, at] of Object.entries(found)) {
      const kind = marker.slice(0, 2);
      if (kind !== 'p_' && kind !== 'd_') continue;
      const old = Number(at) < expired;
      if (kind === 'p_' && !old) continue;
      const exists = await taskExists(owner, marker.slice(2));
      if (kind === 'p_') {
        // A create that stopped: with its task, the task keeps the count; without, it goes back.
        if (exists) await unmark(owner, marker);
        else freed = (await giveBack(owner, marker)) || freed;
      } else if (!exists) {
        // The task is gone and its delete did not give the slot back (yet): this does, once.
        freed = (await giveBack(owner, marker)) || freed;
      } else if (old) {
        await unmark(owner, marker); // a delete that stopped before deleting
      }
    }
    return freed;
  }

  const marker = (kind: 'p' | 'd', id: string) => `${kind}_${id}`;

  async function tryReserve(owner: string, id: string): Promise<boolean> {
    return update(
      owner,
      'SET #m = :at ADD #count :one',
      { '#m': marker('p', id), '#count': 'count' },
      { ':at': options.now().getTime(), ':one': 1, ':limit': limit },
      'attribute_not_exists(#m) AND (attribute_not_exists(#count) OR #count < :limit)',
    );
  }

  return {
    async reserve(owner, id) {
      if (await tryReserve(owner, id)) return true;
      const found = await meta(owner);
      // A repeated write whose first answer was lost: that first one reserved.
      if (marker('p', id) in found) return true;
      return (await repair(owner, found)) && tryReserve(owner, id);
    },
    async settle(owner, id) {
      await unmark(owner, marker('p', id));
    },
    async release(owner, id) {
      await giveBack(owner, marker('p', id));
    },
    async markDelete(owner, id) {
      await update(
        owner,
        'SET #m = :at',
        { '#m': marker('d', id) },
        { ':at': options.now().getTime() },
      );
    },
    async endDelete(owner, id, deleted) {
      if (deleted) await giveBack(owner, marker('d', id));
      else await unmark(owner, marker('d', id));
    },
  };
}
