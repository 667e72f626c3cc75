// The DynamoDB store against dynalite with the real SDK v3 client: the shared TaskStore contract,
// and what only this store has (the owner's slot counter and its repair).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GetCommand, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { storeContract, CONTRACT_DRAFT } from './core/store-contract.ts';
import { LIMIT_REACHED } from './core/task-store.ts';
import { createTasksTable, startDynalite, type LocalDynamo } from './dynalite.ts';
import { dynamoTaskStore } from './dynamo-store.ts';
import { META_KEY } from './table.ts';

let dynamo: LocalDynamo;
let tables = 0;
before(async () => {
  dynamo = await startDynalite([]);
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

describe('DynamoDB store: the per-owner slot counter', () => {
  it("counts tasks on the owner's meta item, and gives a slot back on delete", async () => {
    const { store, tableName } = await freshStore({ maxTasksPerOwner: 2 });
    const doc = DynamoDBDocumentClient.from(dynamo.client);
    const count = async () =>
      (await doc.send(new GetCommand({ TableName: tableName, Key: { pk: 'a', sk: META_KEY } })))
        .Item?.['count'];
    const task = await store.create('a', CONTRACT_DRAFT);
    assert.equal(await count(), 1);
    assert.notEqual(task, LIMIT_REACHED);
    await store.delete('a', (task as { id: string }).id);
    assert.equal(await count(), 0);
    assert.equal(await store.delete('a', 'missing'), false);
    assert.equal(await count(), 0, 'a delete that found nothing gives nothing back');
  });

  it('sets a count left too high (a create that stopped after taking its slot) back when full', async () => {
    const { store, tableName } = await freshStore({ maxTasksPerOwner: 2 });
    await store.create('a', CONTRACT_DRAFT);
    const doc = DynamoDBDocumentClient.from(dynamo.client);
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: 'a', sk: META_KEY },
        UpdateExpression: 'SET #count = :two',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':two': 2 },
      }),
    );
    assert.notEqual(await store.create('a', CONTRACT_DRAFT), LIMIT_REACHED);
    assert.equal(await store.create('a', CONTRACT_DRAFT), LIMIT_REACHED);
    assert.equal((await store.list('a')).length, 2);
  });
});
