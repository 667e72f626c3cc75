import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTimerConfig, TimerConfigError } from './config.ts';

test('the table name is required and checked; the limit defaults to 1000', () => {
  assert.deepEqual(parseTimerConfig({ TABLE_NAME: 'app-dev-Tasks-1A2B' }), {
    tableName: 'app-dev-Tasks-1A2B',
    maxTasksPerUser: 1000,
  });
  for (const bad of [{}, { TABLE_NAME: 'ab' }, { TABLE_NAME: 'a b c' }]) {
    assert.throws(() => parseTimerConfig(bad), TimerConfigError);
  }
});

test('MAX_TASKS_PER_USER is a positive integer; DYNAMODB_ENDPOINT a base URL, offline only', () => {
  assert.equal(
    parseTimerConfig({ TABLE_NAME: 'tasks', MAX_TASKS_PER_USER: '5' }).maxTasksPerUser,
    5,
  );
  for (const bad of ['0', '-1', '1.5', 'x', '']) {
    assert.throws(
      () => parseTimerConfig({ TABLE_NAME: 'tasks', MAX_TASKS_PER_USER: bad }),
      /MAX_TASKS_PER_USER/,
    );
  }
  assert.deepEqual(
    parseTimerConfig({ TABLE_NAME: 'tasks', DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567' }),
    {
      tableName: 'tasks',
      maxTasksPerUser: 1000,
      endpoint: 'http://127.0.0.1:4567',
      region: 'us-east-1',
    },
  );
  assert.throws(
    () => parseTimerConfig({ TABLE_NAME: 'tasks', DYNAMODB_ENDPOINT: 'http://x/path' }),
    /DYNAMODB_ENDPOINT/,
  );
});
