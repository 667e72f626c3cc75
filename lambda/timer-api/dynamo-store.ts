// Tasks in DynamoDB, with the same guarantees as the SQLite store (local/timer-server/store.ts),
// each from single-item conditional writes (no transactions, so dynalite can test all of it):
// - Owner scoping: the owner is the partition key of every read and write (table.ts).
// - Lost updates: update and delete carry `version = :expected` as their ConditionExpression, and
//   every update adds one to `version`
//   (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html).
// - The per-owner limit: exact, from the owner's meta item (dynamo-limit.ts).
// - Pages: a Query of the owner's partition in sort-key order, which is creation order (ids are
//   UUIDv7), with `Limit` and `ExclusiveStartKey`
//   (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html); the
//   position a page continues after is the last task's id.
// Reads are strongly consistent, so a task is visible to the request after the one that wrote it.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { newTaskId } from './core/task-id.ts';
import type { Task, TaskDraft, TaskStore } from './core/task-store.ts';
import { draftFields, LIMIT_REACHED, STALE } from './core/task-store.ts';
import { ownerLimit } from './dynamo-limit.ts';
import { TASK_PREFIX } from './table.ts';

export interface DynamoTaskStoreOptions {
  tableName: string;
  maxTasksPerOwner: number;
  now?: () => Date;
}

interface TaskItem {
  pk: string;
  sk: string;
  draft: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const isConditionFailure = (error: unknown) =>
  (error as { name?: string }).name === 'ConditionalCheckFailedException';

/** The SDK says the request was refused as sent (4xx): it certainly wrote nothing. */
const certainlyNotWritten = (error: unknown) => (error as { $fault?: string }).$fault === 'client';

// Names in expressions always go through placeholders so a future reserved word cannot break one.
const VERSION = { '#version': 'version' };

/** A position is a task id: what Query's ExclusiveStartKey needs besides the owner. */
const POSITION = /^[A-Za-z0-9_-]{1,64}$/;

function toTask(item: TaskItem): Task {
  return {
    id: item.sk.slice(TASK_PREFIX.length),
    ...(JSON.parse(item.draft) as TaskDraft),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: Number(item.version),
  };
}

export function dynamoTaskStore(
  client: DynamoDBClient,
  options: DynamoTaskStoreOptions,
): TaskStore {
  const doc = DynamoDBDocumentClient.from(client);
  const TableName = options.tableName;
  const now = options.now ?? (() => new Date());
  const limit = ownerLimit(doc, { tableName: TableName, limit: options.maxTasksPerOwner, now });
  const taskKey = (owner: string, id: string) => ({ pk: owner, sk: `${TASK_PREFIX}${id}` });
  const versionIs = (expected: number | undefined) =>
    expected === undefined
      ? { ConditionExpression: 'attribute_exists(sk)' }
      : {
          ConditionExpression: 'attribute_exists(sk) AND #version = :expected',
          ExpressionAttributeNames: VERSION,
        };

  async function get(owner: string, id: string): Promise<Task | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName, Key: taskKey(owner, id), ConsistentRead: true }),
    );
    return Item ? toTask(Item as TaskItem) : undefined;
  }

  return {
    maxTasksPerOwner: options.maxTasksPerOwner,
    get,
    async listPage(owner, { limit: count, after }) {
      if (after !== undefined && !POSITION.test(after)) return undefined;
      const found: TaskItem[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined =
        after === undefined ? undefined : taskKey(owner, after);
      // One more than asked says whether another page follows. A Query answer stops at 1 MB
      // too, far above a page of tasks, but is followed to be sure.
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: 'pk = :owner AND begins_with(sk, :task)',
            ExpressionAttributeValues: { ':owner': owner, ':task': TASK_PREFIX },
            ConsistentRead: true,
            Limit: count + 1 - found.length,
            ExclusiveStartKey,
          }),
        );
        found.push(...((page.Items ?? []) as TaskItem[]));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey && found.length <= count);
      const items = found.slice(0, count).map((item) => {
        const task = toTask(item);
        return { task, position: task.id };
      });
      return { items, more: found.length > count };
    },
    async create(owner, draft) {
      const id = newTaskId();
      if (!(await limit.reserve(owner, id))) return LIMIT_REACHED;
      const at = now().toISOString();
      const item: TaskItem = {
        ...taskKey(owner, id),
        draft: JSON.stringify(draftFields(draft)),
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      try {
        await doc.send(
          new PutCommand({
            TableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(sk)',
          }),
        );
      } catch (error) {
        // Otherwise the write may have happened: the reservation stays until repaired.
        if (certainlyNotWritten(error)) await limit.release(owner, id);
        throw error;
      }
      await limit.settle(owner, id);
      return toTask(item);
    },
    async update(owner, id, draft, expectedVersion) {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName,
            Key: taskKey(owner, id),
            UpdateExpression: 'SET draft = :draft, updatedAt = :at ADD #version :one',
            ...versionIs(expectedVersion),
            ExpressionAttributeNames: VERSION,
            ExpressionAttributeValues: {
              ':draft': JSON.stringify(draftFields(draft)),
              ':at': now().toISOString(),
              ':one': 1,
              ...(expectedVersion === undefined ? {} : { ':expected': expectedVersion }),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return toTask(Attributes as TaskItem);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return (await get(owner, id)) ? STALE : undefined;
      }
    },
    async delete(owner, id, expectedVersion) {
      await limit.markDelete(owner, id);
      let deleted: boolean | typeof STALE = true;
      try {
        await doc.send(
          new DeleteCommand({
            TableName,
            Key: taskKey(owner, id),
            ...versionIs(expectedVersion),
            ...(expectedVersion === undefined
              ? {}
              : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        deleted = (await get(owner, id)) ? STALE : false;
      }
      await limit.endDelete(owner, id, deleted === true);
      return deleted;
    },
  };
}
