// DynamoDB's API on an in-memory store (dynalite validates requests as DynamoDB does), on
// 127.0.0.1, with the tasks table created: for tests, the bench and the local stack's Lambda mode.
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';
import { ATTRIBUTE_DEFINITIONS, KEY_SCHEMA } from './table.ts';

export interface LocalDynamo {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  close(): Promise<void>;
}

/** Credentials and region the SDK needs to sign; dynalite checks neither. */
export const LOCAL_AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ ...LOCAL_AWS, endpoint });
}

export async function createTasksTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      KeySchema: [...KEY_SCHEMA],
      AttributeDefinitions: [...ATTRIBUTE_DEFINITIONS],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

export async function startDynalite(tableNames: readonly string[], port = 0): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = localClient(endpoint);
  for (const name of tableNames) await createTasksTable(client, name);
  return {
    endpoint,
    client,
    close: () =>
      new Promise<void>((resolve) => {
        client.destroy();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
