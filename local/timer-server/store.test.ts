import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { storeContract } from '../../lambda/timer-api/core/store-contract.ts';
import {
  LIMIT_REACHED,
  STALE,
  type Task,
  type TaskDraft,
} from '../../lambda/timer-api/core/task-store.ts';
import { openTaskStore } from './store.ts';

const draft: TaskDraft = {
  name: 'n',
  hour: 1,
  minute: 2,
  daysOfWeek: ['MON'],
  executionCommand: 'c',
};

function created(task: Task | typeof LIMIT_REACHED): Task {
  assert.notEqual(task, LIMIT_REACHED);
  return task as Task;
}

async function withTempDir(run: (dir: string) => Promise<void> | void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'timer-store-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('openTaskStore', () => {
  it('stamps id, times and version itself and keeps createdAt on update', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const store = openTaskStore(':memory:', { now: () => new Date(clock) });
    try {
      const task = created(
        await store.create('a', { ...draft, id: 'spoof', createdAt: 'x' } as TaskDraft),
      );
      assert.notEqual(task.id, 'spoof');
      assert.match(task.id, /^[0-9a-f-]{36}$/);
      assert.equal(task.createdAt, '2030-01-01T00:00:00.000Z');
      assert.equal(task.version, 1);
      clock += 60_000;
      const updated = await store.update('a', task.id, { ...draft, name: 'm' });
      assert.deepEqual(updated, {
        ...draft,
        name: 'm',
        id: task.id,
        createdAt: '2030-01-01T00:00:00.000Z',
        updatedAt: '2030-01-01T00:01:00.000Z',
        version: 2,
      });
      assert.equal(await store.update('a', 'missing', draft), undefined);
      assert.equal(await store.delete('a', 'missing'), false);
      assert.equal(await store.delete('a', task.id), true);
      assert.equal(await store.get('a', task.id), undefined);
    } finally {
      store.close();
    }
  });

  it("scopes every read and write to the owner: another owner's task is missing", async () => {
    const store = openTaskStore(':memory:');
    try {
      const mine = created(await store.create('a', draft));
      assert.deepEqual(await store.list('b'), []);
      assert.equal(await store.get('b', mine.id), undefined);
      assert.equal(await store.update('b', mine.id, { ...draft, name: 'theirs' }), undefined);
      assert.equal(await store.delete('b', mine.id), false);
      assert.deepEqual(await store.list('a'), [mine]);
    } finally {
      store.close();
    }
  });

  it('writes only at the expected version, and says when it has moved on', async () => {
    const store = openTaskStore(':memory:');
    try {
      const task = created(await store.create('a', draft));
      const v2 = (await store.update('a', task.id, { ...draft, name: 'v2' }, 1)) as Task;
      assert.equal(v2.version, 2);
      assert.equal(await store.update('a', task.id, { ...draft, name: 'lost' }, 1), STALE);
      assert.equal(await store.delete('a', task.id, 1), STALE);
      assert.equal((await store.get('a', task.id))?.name, 'v2');
      assert.equal(await store.delete('a', task.id, 2), true);
    } finally {
      store.close();
    }
  });

  it('refuses a create past the per-owner limit, for that owner only', async () => {
    const store = openTaskStore(':memory:', { maxTasksPerOwner: 2 });
    try {
      created(await store.create('a', draft));
      const second = created(await store.create('a', draft));
      assert.equal(await store.create('a', draft), LIMIT_REACHED);
      created(await store.create('b', draft));
      await store.delete('a', second.id);
      created(await store.create('a', draft));
      assert.equal((await store.list('a')).length, 2);
    } finally {
      store.close();
    }
  });

  it('keeps tasks in a file across reopen, creating the folder', async () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'nested', 'tasks.sqlite');
      const first = openTaskStore(path);
      const task = created(await first.create('a', draft));
      first.close();
      const second = openTaskStore(path);
      try {
        assert.deepEqual(await second.list('a'), [task]);
        assert.equal(second.ownerless, 0);
      } finally {
        second.close();
      }
    }));

  it('keeps rows from before owners on disk, counts them, and shows them to no one', async () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'old.sqlite');
      // The table as it was before tasks had owners and versions.
      const old = new DatabaseSync(path);
      old.exec(`CREATE TABLE tasks (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, draft TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT`);
      const insert = old.prepare(
        "INSERT INTO tasks (id, draft, created_at, updated_at) VALUES (?, ?, '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')",
      );
      insert.run('legacy-1', JSON.stringify(draft));
      insert.run('legacy-2', JSON.stringify(draft));
      old.close();

      const store = openTaskStore(path);
      try {
        assert.equal(store.ownerless, 2);
        assert.equal(await store.get('', 'legacy-1'), undefined);
        assert.deepEqual(await store.list(''), []);
        assert.equal(await store.update('a', 'legacy-1', draft), undefined);
        assert.equal(await store.delete('a', 'legacy-2'), false);
        created(await store.create('a', draft));
      } finally {
        store.close();
      }
      const after = new DatabaseSync(path);
      try {
        const rows = after.prepare('SELECT id, owner FROM tasks ORDER BY seq').all();
        assert.deepEqual(
          rows.map((r) => [r.id, r.owner]),
          [
            ['legacy-1', null],
            ['legacy-2', null],
            [rows[2]?.id, 'a'],
          ],
        );
      } finally {
        after.close();
      }
    }));
});

storeContract('SQLite', async ({ maxTasksPerOwner, now }) => {
  const store = openTaskStore(':memory:', { maxTasksPerOwner, now });
  return { store, close: () => store.close() };
});
