// Tasks in DynamoDB, with the same guarantees as the SQLite store (local/timer-server/store.ts),
// each from a single-item conditional write (no transactions, so dynalite can test all of it):
// - Owner scoping: the owner is the partition key of every read and write (table.ts).
// - Lost updates: update and delete carry `version = :expected` as their ConditionExpression, and
//   every update adds one to `version`
//   (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html).
// - The per-owner limit: a create first takes a slot on the owner's `meta` item with a conditional
//   ADD (`count < :limit`), then puts the task; a delete gives the slot back after the task is gone.
//   A crash between the two steps can only leave `count` too high, never too low, so the limit
//   holds; when a create finds the owner full, the tasks are counted and a drifted `count` is set
//   back before refusing.
// Reads are strongly consistent, so a task is visible to the request after the one that wrote it.
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Task, TaskDraft, TaskStore } from './core/task-store.ts';
import { draftFields, LIMIT_REACHED, STALE } from './core/task-store.ts';
import { META_KEY, TASK_PREFIX } from './table.ts';

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
  seq: number;
}

const isConditionFailure = (error: unknown) =>
  (error as { name?: string }).name === 'ConditionalCheckFailedException';

// `count` and `version` are not reserved words today, but names in expressions always go through
// placeholders so a future reserved word cannot break a query.
const NAMES = { '#count': 'count', '#created': 'created', '#version': 'version' };

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
  const limit = options.maxTasksPerOwner;
  const now = options.now ?? (() => new Date());
  const taskKey = (owner: string, id: string) => ({ pk: owner, sk: `${TASK_PREFIX}${id}` });
  const metaKey = (owner: string) => ({ pk: owner, sk: META_KEY });

  async function get(owner: string, id: string): Promise<Task | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName, Key: taskKey(owner, id), ConsistentRead: true }),
    );
    return Item ? toTask(Item as TaskItem) : undefined;
  }

  async function items(owner: string): Promise<TaskItem[]> {
    const found: TaskItem[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :owner AND begins_with(sk, :task)',
          ExpressionAttributeValues: { ':owner': owner, ':task': TASK_PREFIX },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      found.push(...((page.Items ?? []) as TaskItem[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return found;
  }

  /** Takes a slot under the limit; its `created` number orders the owner's tasks. */
  async function takeSlot(owner: string): Promise<number | typeof LIMIT_REACHED> {
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName,
          Key: metaKey(owner),
          UpdateExpression: 'ADD #count :one, #created :one',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
          ExpressionAttributeNames: { '#count': NAMES['#count'], '#created': NAMES['#created'] },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.['created']);
    } catch (error) {
      if (isConditionFailure(error)) return LIMIT_REACHED;
      throw error;
    }
  }

  async function moveCount(owner: string, by: number, when?: { count: number }): Promise<boolean> {
    try {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: metaKey(owner),
          UpdateExpression: when ? 'SET #count = :to' : 'ADD #count :by',
          ConditionExpression: when ? '#count = :seen' : '#count > :zero',
          ExpressionAttributeNames: { '#count': NAMES['#count'] },
          ExpressionAttributeValues: when
            ? { ':to': when.count + by, ':seen': when.count }
            : { ':by': by, ':zero': 0 },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** A full owner whose `count` is above the tasks there are (see the top): set it back once. */
  async function repairCount(owner: string): Promise<boolean> {
    const { Item } = await doc.send(
      new GetCommand({ TableName, Key: metaKey(owner), ConsistentRead: true }),
    );
    const counted = Number(Item?.['count'] ?? 0);
    const actual = (await items(owner)).length;
    if (actual >= counted) return false;
    return moveCount(owner, actual - counted, { count: counted });
  }

  return {
    maxTasksPerOwner: limit,
    get,
    async list(owner) {
      return (await items(owner)).sort((a, b) => a.seq - b.seq).map(toTask);
    },
    async create(owner, draft) {
      let seq = await takeSlot(owner);
      if (seq === LIMIT_REACHED && (await repairCount(owner))) seq = await takeSlot(owner);
      if (seq === LIMIT_REACHED) return LIMIT_REACHED;
      const at = now().toISOString();
      const item: TaskItem = {
        ...taskKey(owner, randomUUID()),
        draft: JSON.stringify(draftFields(draft)),
        createdAt: at,
        updatedAt: at,
        version: 1,
        seq,
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
        await moveCount(owner, -1);
        throw error;
      }
      return toTask(item);
    },
    async update(owner, id, draft, expectedVersion) {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName,
            Key: taskKey(owner, id),
            UpdateExpression: 'SET draft = :draft, updatedAt = :at ADD #version :one',
            ConditionExpression:
              expectedVersion === undefined
                ? 'attribute_exists(sk)'
                : 'attribute_exists(sk) AND #version = :expected',
            ExpressionAttributeNames: { '#version': NAMES['#version'] },
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
      try {
        await doc.send(
          new DeleteCommand({
            TableName,
            Key: taskKey(owner, id),
            ConditionExpression:
              expectedVersion === undefined
                ? 'attribute_exists(sk)'
                : 'attribute_exists(sk) AND #version = :expected',
            ...(expectedVersion === undefined
              ? {}
              : {
                  ExpressionAttributeNames: { '#version': NAMES['#version'] },
                  ExpressionAttributeValues: { ':expected': expectedVersion },
                }),
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return (await get(owner, id)) ? STALE : false;
      }
      await moveCount(owner, -1);
      return true;
    },
  };
}
