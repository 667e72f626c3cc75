// The tasks table's shape, one definition for the store, the offline table (dynalite.ts) and the
// template's AWS::DynamoDB::Table (cloudformation/timer-backend.test.ts compares them).
//
// One partition per owner (the verified token's `sub`), so every query is scoped by its key:
//   pk = owner, sk = "task#<id>"  a task: draft (JSON text), createdAt, updatedAt, version. Ids are
//                                 UUIDv7 (core/task-id.ts), so sort-key order is creation order
//   pk = owner, sk = "meta"       the owner's task count and the creates and deletes under way
//                                 (dynamo-limit.ts)
//   pk = SETTINGS_PK              the API's own settings, e.g. the cursor keys (cursor-keys.ts).
//                                 It starts with a control character, which no owner's can
//                                 (core/owner.ts), so it is nobody's partition.
export const KEY_SCHEMA = [
  { AttributeName: 'pk', KeyType: 'HASH' },
  { AttributeName: 'sk', KeyType: 'RANGE' },
] as const;

export const ATTRIBUTE_DEFINITIONS = [
  { AttributeName: 'pk', AttributeType: 'S' },
  { AttributeName: 'sk', AttributeType: 'S' },
] as const;

export const TASK_PREFIX = 'task#';
export const META_KEY = 'meta';
export const SETTINGS_PK = '\u0000timer-api';
