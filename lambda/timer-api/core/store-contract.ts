// What every TaskStore must do, as tests any store's spec registers with its own factory: the
// DynamoDB store (../dynamo-store.test.ts) and the SQLite store (local/timer-server/store.test.ts)
// are held to the same rules, including under concurrent requests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIMIT_REACHED, STALE, type Task, type TaskDraft, type TaskStore } from './task-store.ts';

export interface OpenedStore {
  store: TaskStore;
  close(): Promise<void> | void;
}

export type OpenStore = (options: {
  maxTasksPerOwner?: number;
  now?: () => Date;
}) => Promise<OpenedStore>;

export const CONTRACT_DRAFT: TaskDraft = {
  name: 'n',
  hour: 1,
  minute: 2,
  daysOfWeek: ['MON'],
  executionCommand: 'c',
};
const draft = CONTRACT_DRAFT;

function created(task: Task | typeof LIMIT_REACHED): Task {
  assert.notEqual(task, LIMIT_REACHED);
  return task as Task;
}

export function storeContract(name: string, open: OpenStore): void {
  const using = async (
    options: Parameters<OpenStore>[0],
    run: (store: TaskStore) => Promise<void>,
  ) => {
    const opened = await open(options);
    try {
      await run(opened.store);
    } finally {
      await opened.close();
    }
  };

  describe(`${name}: the TaskStore contract`, () => {
    it('stamps id, times and version itself, keeps createdAt, lists oldest first', async () => {
      let clock = Date.parse('2030-01-01T00:00:00Z');
      await using({ now: () => new Date(clock) }, async (store) => {
        const task = created(
          await store.create('a', {
            ...draft,
            id: 'spoof',
            createdAt: 'x',
            version: 9,
          } as TaskDraft),
        );
        assert.match(task.id, /^[0-9a-f-]{36}$/);
        assert.equal(task.version, 1);
        assert.equal(task.createdAt, '2030-01-01T00:00:00.000Z');
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
        const later = [];
        for (let i = 0; i < 5; i++) later.push(created(await store.create('a', draft)).id);
        assert.deepEqual(
          (await store.list('a')).map((t) => t.id),
          [task.id, ...later],
        );
      });
    });

    it("scopes every read and write to the owner: another owner's task is missing", async () => {
      await using({}, async (store) => {
        const mine = created(await store.create('a', draft));
        assert.deepEqual(await store.list('b'), []);
        assert.equal(await store.get('b', mine.id), undefined);
        assert.equal(await store.update('b', mine.id, draft), undefined);
        assert.equal(await store.update('b', mine.id, draft, 1), undefined);
        assert.equal(await store.delete('b', mine.id), false);
        assert.equal(await store.delete('b', mine.id, 1), false);
        assert.deepEqual(await store.list('a'), [mine]);
      });
    });

    it('writes only at the expected version, and says when it has moved on', async () => {
      await using({}, async (store) => {
        const task = created(await store.create('a', draft));
        assert.equal(((await store.update('a', task.id, draft, 1)) as Task).version, 2);
        assert.equal(await store.update('a', task.id, { ...draft, name: 'lost' }, 1), STALE);
        assert.equal(await store.delete('a', task.id, 1), STALE);
        assert.equal((await store.get('a', task.id))?.version, 2);
        assert.equal(await store.delete('a', task.id, 2), true);
        assert.equal(await store.get('a', task.id), undefined);
        assert.equal(await store.delete('a', task.id), false);
      });
    });

    it('of concurrent writes at one version, exactly one wins', async () => {
      await using({}, async (store) => {
        const task = created(await store.create('a', draft));
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.update('a', task.id, { ...draft, name: `w${i}` }, 1),
          ),
        );
        assert.equal(results.filter((r) => r !== STALE).length, 1);
        assert.equal((await store.get('a', task.id))?.version, 2);
      });
    });

    it('holds the per-owner limit under concurrent creates, for that owner only', async () => {
      await using({ maxTasksPerOwner: 3 }, async (store) => {
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.create('a', draft)),
        );
        assert.equal(results.filter((r) => r !== LIMIT_REACHED).length, 3);
        assert.equal((await store.list('a')).length, 3);
        created(await store.create('b', draft));
        const [first] = await store.list('a');
        assert.equal(await store.delete('a', first!.id), true);
        created(await store.create('a', draft));
        assert.equal(await store.create('a', draft), LIMIT_REACHED);
      });
    });
  });
}
