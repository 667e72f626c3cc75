import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newTaskId } from './task-id.ts';

test('ids are UUIDv7 whose text sorts in creation order, within a millisecond too', () => {
  const ids = Array.from({ length: 5000 }, () => newTaskId(Date.parse('2030-01-01T00:00:00Z')));
  for (const id of ids)
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
  const later = newTaskId(Date.parse('2030-01-01T00:00:01Z'));
  assert.ok(later > ids.at(-1)!);
  assert.equal(
    later.slice(0, 13).replace('-', ''),
    Date.parse('2030-01-01T00:00:01Z').toString(16).padStart(12, '0'),
  );
});
