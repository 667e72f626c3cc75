// The DynamoDB store against dynalite with the real SDK v3 client: the shared TaskStore contract,
// and what only this store has (the owner's count and the markers that keep it exact when a create
// or delete stops halfway). The race of many creates across several Lambda hosts is in
// limit-race.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { allTasks, CONTRACT_DRAFT, storeContract } from './core/store-contract.ts';
import { LIMIT_REACHED, type Task } from './core/task-store.ts';
import { createTasksTable, startDynalite, type LocalDynamo } from './dynalite.ts';
import { ownerLimit, RESERVATION_LEASE_MS } from './dynamo-limit.ts';
import { dynamoTaskStore } from './dynamo-store.ts';
import { META_KEY, TASK_PREFIX } from './table.ts';

let dynamo: LocalDynamo;
let doc: DynamoDBDocumentClient;
let tables = 0;
before(async () => {
  dynamo = await startDynalite([]);
  doc = DynamoDBDocumentClient.from(dynamo.client);
});
after(() => dynamo.close());

/** A fresh table per store, so tests never see each other's items. */
async function freshStore(options: { maxTasksPerOwner?: number; now?: () => Date } = {}) {
  const tableName = `tasks-${++tables}`;
  await createTasksTable(dynamo.client, tableName);
  const store = dynamoTaskStore(dynamo.client, {
    tableName,
    maxTasksPerOwner: options.maxTasksPerOwner ?? 1000,
    now: options.now,
  });
  return { store, tableName };
}

storeContract('DynamoDB (dynalite)', async (options) => {
  const { store } = await freshStore(options);
  return { store, close: () => undefined };
});

const created = (task: Task | typeof LIMIT_REACHED) => {
  assert.notEqual(task, LIMIT_REACHED);
  return task as Task;
};

describe('DynamoDB store: the exact per-owner limit', () => {
  async function meta(tableName: string, owner = 'a') {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: owner, sk: META_KEY },
        ConsistentRead: true,
      }),
    );
    return Item ?? {};
  }
  const markers = (item: Record<string, unknown>) =>
    Object.keys(item).filter((name) => /^[pd]_/.test(name));
  const update = (TableName: string, UpdateExpression: string, names: object, values?: object) =>
    doc.send(
      new UpdateCommand({
        TableName,
        Key: { pk: 'a', sk: META_KEY },
        UpdateExpression,
        ExpressionAttributeNames: names as Record<string, string>,
        ...(values ? { ExpressionAttributeValues: values as Record<string, unknown> } : {}),
      }),
    );

  it('counts tasks on the meta item and leaves no marker once a create or delete is done', async () => {
    const { store, tableName } = await freshStore({ maxTasksPerOwner: 2 });
    const task = created(await store.create('a', CONTRACT_DRAFT));
    assert.equal((await meta(tableName))['count'], 1);
    assert.deepEqual(markers(await meta(tableName)), []);
    assert.equal(await store.delete('a', task.id, 2), 'stale');
    assert.equal((await meta(tableName))['count'], 1, 'a refused delete gives nothing back');
    assert.equal(await store.delete('a', task.id), true);
    assert.equal((await meta(tableName))['count'], 0);
    assert.deepEqual(markers(await meta(tableName)), []);
  });

  it('counts a create under way until its lease ends, then gives back the slot of one that stopped', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const { store, tableName } = await freshStore({
      maxTasksPerOwner: 1,
      now: () => new Date(clock),
    });
    // A create that reserved and stopped before putting its task.
    await update(
      tableName,
      'SET #m = :at ADD #count :one',
      { '#m': 'p_gone', '#count': 'count' },
      {
        ':at': clock,
        ':one': 1,
      },
    );
    assert.equal(await store.create('a', CONTRACT_DRAFT), LIMIT_REACHED, 'it may still come');
    clock += RESERVATION_LEASE_MS + 1;
    created(await store.create('a', CONTRACT_DRAFT));
    assert.equal((await allTasks(store, 'a')).length, 1);
    assert.equal((await meta(tableName))['count'], 1);
    assert.deepEqual(markers(await meta(tableName)), []);
  });

  it('keeps the count of a create that stopped after putting its task', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const { store, tableName } = await freshStore({
      maxTasksPerOwner: 2,
      now: () => new Date(clock),
    });
    const task = created(await store.create('a', CONTRACT_DRAFT));
    await update(tableName, 'SET #m = :at', { '#m': `p_${task.id}` }, { ':at': clock });
    clock += RESERVATION_LEASE_MS + 1;
    created(await store.create('a', CONTRACT_DRAFT));
    assert.equal(await store.create('a', CONTRACT_DRAFT), LIMIT_REACHED);
    assert.equal((await meta(tableName))['count'], 2);
    assert.deepEqual(markers(await meta(tableName)), []);
  });

  it('gives back, once, the slot of a delete that stopped after deleting', async () => {
    const { store, tableName } = await freshStore({ maxTasksPerOwner: 1 });
    const task = created(await store.create('a', CONTRACT_DRAFT));
    // The delete marked and deleted, and stopped before giving the slot back.
    await update(tableName, 'SET #m = :at', { '#m': `d_${task.id}` }, { ':at': Date.now() });
    await doc.send(
      new DeleteCommand({ TableName: tableName, Key: { pk: 'a', sk: `${TASK_PREFIX}${task.id}` } }),
    );
    created(await store.create('a', CONTRACT_DRAFT));
    assert.equal((await meta(tableName))['count'], 1);
    // Had that delete gone on, its own give-back finds no marker and changes nothing.
    await ownerLimit(doc, { tableName, limit: 1, now: () => new Date() }).endDelete(
      'a',
      task.id,
      true,
    );
    assert.equal((await meta(tableName))['count'], 1);
    assert.equal(await store.create('a', CONTRACT_DRAFT), LIMIT_REACHED);
  });

  it('counts a reservation written twice (its first answer lost) once', async () => {
    const { tableName } = await freshStore();
    const limit = ownerLimit(doc, { tableName, limit: 3, now: () => new Date() });
    assert.equal(await limit.reserve('a', 'x'), true);
    assert.equal(await limit.reserve('a', 'x'), true);
    assert.equal((await meta(tableName))['count'], 1);
    await limit.release('a', 'x');
    await limit.release('a', 'x');
    assert.equal((await meta(tableName))['count'], 0);
  });
});
