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

/** Every task of the owner, oldest first, read page by page as the API reads them. */
export async function allTasks(store: TaskStore, owner: string, limit = 100): Promise<Task[]> {
  const tasks: Task[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.listPage(owner, { limit, after });
    assert.ok(page, 'a position the store gave is one it takes');
    tasks.push(...page.items.map(({ task }) => task));
    if (!page.more) return tasks;
    after = page.items.at(-1)?.position;
  }
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
          (await allTasks(store, 'a')).map((t) => t.id),
          [task.id, ...later],
        );
      });
    });

    it('pages oldest first: every task once, in order, whatever the page size', async () => {
      await using({}, async (store) => {
        const ids: string[] = [];
        for (let i = 0; i < 7; i++) ids.push(created(await store.create('a', draft)).id);
        created(await store.create('b', draft));
        for (const limit of [1, 2, 3, 7, 8, 100]) {
          assert.deepEqual(
            (await allTasks(store, 'a', limit)).map((t) => t.id),
            ids,
            `${limit}`,
          );
        }
        const first = await store.listPage('a', { limit: 7 });
        assert.equal(first?.more, false, 'exactly a page left: no next page');
        const empty = await store.listPage('c', { limit: 5 });
        assert.deepEqual(empty, { items: [], more: false });
      });
    });

    it('continues after a position whose task is gone, and shows tasks created since', async () => {
      await using({}, async (store) => {
        const ids: string[] = [];
        for (let i = 0; i < 4; i++) ids.push(created(await store.create('a', draft)).id);
        const first = (await store.listPage('a', { limit: 2 }))!;
        assert.deepEqual(
          first.items.map(({ task }) => task.id),
          ids.slice(0, 2),
        );
        assert.equal(first.more, true);
        assert.equal(await store.delete('a', ids[1]!), true);
        ids.push(created(await store.create('a', draft)).id);
        const rest = (await store.listPage('a', { limit: 10, after: first.items[1]!.position }))!;
        assert.deepEqual(
          rest.items.map(({ task }) => task.id),
          ids.slice(2),
        );
        assert.equal(rest.more, false);
      });
    });

    it("reads only the owner's tasks after any position, and never fails on one it never gave", async () => {
      await using({}, async (store) => {
        for (let i = 0; i < 3; i++) created(await store.create('a', draft));
        const mine = (await store.listPage('a', { limit: 1 }))!;
        // A position of a's, used by b: b's own (no) tasks, never a's.
        const theirs = await store.listPage('b', { limit: 10, after: mine.items[0]!.position });
        assert.deepEqual(theirs, { items: [], more: false });
        for (const bad of ['', 'x y', '../x', '-1', '1.5', 'é', 'x'.repeat(65)]) {
          const page = await store.listPage('a', { limit: 10, after: bad });
          assert.ok(page === undefined || page.items.length <= 3, bad);
        }
      });
    });

    it("scopes every read and write to the owner: another owner's task is missing", async () => {
      await using({}, async (store) => {
        const mine = created(await store.create('a', draft));
        assert.deepEqual(await allTasks(store, 'b'), []);
        assert.equal(await store.get('b', mine.id), undefined);
        assert.equal(await store.update('b', mine.id, draft), undefined);
        assert.equal(await store.update('b', mine.id, draft, 1), undefined);
        assert.equal(await store.delete('b', mine.id), false);
        assert.equal(await store.delete('b', mine.id, 1), false);
        assert.deepEqual(await allTasks(store, 'a'), [mine]);
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
        assert.equal((await allTasks(store, 'a')).length, 3);
        created(await store.create('b', draft));
        const [first] = await allTasks(store, 'a');
        assert.equal(await store.delete('a', first!.id), true);
        created(await store.create('a', draft));
        assert.equal(await store.create('a', draft), LIMIT_REACHED);
      });
    });
  });
}
