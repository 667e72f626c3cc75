// The Timer Lambda's cursor keys (core/cursor.ts), kept in its own table under the settings
// partition (table.ts), so every execution environment seals and opens cursors with the same keys
// and nothing else has to be deployed, paid for or granted: the function already reads and writes
// this table. Whoever can read the table can read the keys, and every task too; a cursor only ever
// positions a page inside its caller's own partition, so a forged one reaches nothing more.
//
// The item is created with a fresh random key the first time a page needs one (a conditional put,
// so concurrent first uses agree on one key). Each environment reads it again after
// CURSOR_KEYS_MAX_AGE_MS, so a rotation reaches every environment within that time:
//   1. add a new key at the END of `keys` (opened, not yet used to seal);
//   2. after CURSOR_KEYS_MAX_AGE_MS, move it to the front (it seals from then on);
//   3. once no cursor sealed with the old key is still wanted (cursors serve a listing being
//      paged, minutes), remove the old key. docs/timer-api.md shows the commands.
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CursorKeys } from './core/cursor.ts';
import { SETTINGS_PK } from './table.ts';

export const CURSOR_KEYS_SK = 'cursor-keys';
export const CURSOR_KEYS_MAX_AGE_MS = 5 * 60_000;

/** Keys as stored: base64url text of 32 bytes each. */
function decodeKeys(value: unknown): Uint8Array[] {
  const keys = Array.isArray(value) ? value : [];
  return keys
    .map((text) => Buffer.from(String(text), 'base64url'))
    .filter((key) => key.length === 32);
}

export function tableCursorKeys(
  doc: DynamoDBDocumentClient,
  tableName: string,
  now: () => number = Date.now,
): CursorKeys {
  const Key = { pk: SETTINGS_PK, sk: CURSOR_KEYS_SK };
  let held: { keys: Uint8Array[]; at: number } | undefined;

  async function read(): Promise<Uint8Array[]> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key, ConsistentRead: true }),
    );
    return decodeKeys(Item?.['keys']);
  }

  async function load(): Promise<Uint8Array[]> {
    const stored = await read();
    if (stored.length > 0) return stored;
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...Key, keys: [randomBytes(32).toString('base64url')] },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
    // Whoever won the put, its key is the one every environment uses.
    const created = await read();
    if (created.length === 0) throw new Error('the cursor-keys item holds no 32-byte key');
    return created;
  }

  return async () => {
    if (!held || now() - held.at > CURSOR_KEYS_MAX_AGE_MS) {
      held = { keys: await load(), at: now() };
    }
    return held.keys;
  };
}
