// The tasks table's shape, one definition for the store, the offline table (dynalite.ts) and the
// template's AWS::DynamoDB::Table (cloudformation/timer-backend.test.ts compares them).
//
// One partition per owner (the verified token's `sub`), so every query is scoped by its key:
//   pk = owner, sk = "task#<id>"  a task: draft (JSON text), createdAt, updatedAt, version, seq
//   pk = owner, sk = "meta"       the owner's counters: count (tasks now), created (ever; orders)
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
