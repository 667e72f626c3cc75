import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTaskStore, type TaskDraft } from './store.ts';

const draft: TaskDraft = {
  name: 'n',
  hour: 1,
  minute: 2,
  daysOfWeek: ['MON'],
  executionCommand: 'c',
};

describe('openTaskStore', () => {
  it('stamps id and times itself and keeps createdAt on update', () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const store = openTaskStore(':memory:', () => new Date(clock));
    try {
      const created = store.create({ ...draft, id: 'spoof', createdAt: 'x' } as TaskDraft);
      assert.notEqual(created.id, 'spoof');
      assert.match(created.id, /^[0-9a-f-]{36}$/);
      assert.equal(created.createdAt, '2030-01-01T00:00:00.000Z');
      clock += 60_000;
      const updated = store.update(created.id, { ...draft, name: 'm' });
      assert.deepEqual(updated, {
        ...draft,
        name: 'm',
        id: created.id,
        createdAt: '2030-01-01T00:00:00.000Z',
        updatedAt: '2030-01-01T00:01:00.000Z',
      });
      assert.equal(store.update('missing', draft), undefined);
      assert.equal(store.delete('missing'), false);
      assert.equal(store.delete(created.id), true);
      assert.equal(store.get(created.id), undefined);
    } finally {
      store.close();
    }
  });

  it('keeps tasks in a file across reopen, creating the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'timer-store-'));
    try {
      const path = join(dir, 'nested', 'tasks.sqlite');
      const first = openTaskStore(path);
      const task = first.create(draft);
      first.close();
      const second = openTaskStore(path);
      try {
        assert.deepEqual(second.list(), [task]);
      } finally {
        second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
