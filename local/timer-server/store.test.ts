import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  allTasks,
  CONTRACT_DRAFT as draft,
  storeContract,
} from '../../lambda/timer-api/core/store-contract.ts';
import { LIMIT_REACHED, type Task } from '../../lambda/timer-api/core/task-store.ts';
import { openTaskStore } from './store.ts';

// The rules every store keeps are in the contract, registered at the end; these are SQLite's own:
// the file on disk and the rows from before tasks had owners.

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

describe('openTaskStore: SQLite', () => {
  it('keeps tasks in a file across reopen, creating the folder', async () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'nested', 'tasks.sqlite');
      const first = openTaskStore(path);
      const task = created(await first.create('a', draft));
      first.close();
      const second = openTaskStore(path);
      try {
        assert.deepEqual(await allTasks(second, 'a'), [task]);
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
        assert.deepEqual(await allTasks(store, ''), []);
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
