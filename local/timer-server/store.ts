// Tasks in SQLite (node:sqlite, Node 24). Every write is one statement in autocommit mode, i.e.
// its own transaction, and the file runs with synchronous=FULL, so a task is on disk before the
// response that acknowledges it is written. The methods are async only to share TaskStore with
// network stores: each body runs synchronously, and Node runs one statement at a time on this
// connection, so a count followed by an insert, or a version check inside one UPDATE, cannot
// interleave with another request's write.
//
// Every task belongs to an owner (the verified token's `sub`), and every read and write is scoped
// to it: another owner's task is indistinguishable from a missing one. Rows written before tasks
// had owners have owner NULL: they stay in the file and match no owner.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Task, TaskDraft, TaskStore } from '../../lambda/timer-api/core/task-store.ts';
import {
  DEFAULT_MAX_TASKS_PER_OWNER,
  draftFields,
  LIMIT_REACHED,
  STALE,
} from '../../lambda/timer-api/core/task-store.ts';
import { newTaskId } from '../../lambda/timer-api/core/task-id.ts';

/** The SQLite store: the shared interface, plus what only a file can have. */
export interface SqliteTaskStore extends TaskStore {
  /** Rows without an owner (written before tasks had one): kept, shown to no one. */
  readonly ownerless: number;
  close(): void;
}

export interface TaskStoreOptions {
  now?: () => Date;
  /** Most tasks one owner may have; create answers LIMIT_REACHED past it. */
  maxTasksPerOwner?: number;
}

interface Row {
  seq: number;
  id: string;
  draft: string;
  created_at: string;
  updated_at: string;
  version: number;
}

const COLUMNS = 'seq, id, draft, created_at, updated_at, version';

/** `path` is a file (created with its folder) or `:memory:`. */
export function openTaskStore(path: string, options: TaskStoreOptions = {}): SqliteTaskStore {
  const now = options.now ?? (() => new Date());
  const limit = options.maxTasksPerOwner ?? DEFAULT_MAX_TASKS_PER_OWNER;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  migrate(db);
  // The row number orders the list (oldest first) and is the position a page continues after.
  const pageRows = db.prepare(
    `SELECT ${COLUMNS} FROM tasks WHERE owner = ? AND seq > ? ORDER BY seq LIMIT ?`,
  );
  const getRow = db.prepare(`SELECT ${COLUMNS} FROM tasks WHERE owner = ? AND id = ?`);
  const countRows = db.prepare('SELECT COUNT(*) AS n FROM tasks WHERE owner = ?');
  const insertRow = db.prepare(
    `INSERT INTO tasks (owner, id, draft, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 1) RETURNING ${COLUMNS}`,
  );
  // `?4 IS NULL` makes the version check optional in one statement.
  const updateRow = db.prepare(
    `UPDATE tasks SET draft = ?1, updated_at = ?2, version = version + 1
     WHERE owner = ?3 AND id = ?5 AND (?4 IS NULL OR version = ?4) RETURNING ${COLUMNS}`,
  );
  const deleteRow = db.prepare(
    'DELETE FROM tasks WHERE owner = ?1 AND id = ?3 AND (?2 IS NULL OR version = ?2)',
  );
  const ownerless = Number(
    (db.prepare('SELECT COUNT(*) AS n FROM tasks WHERE owner IS NULL').get() as { n: number }).n,
  );
  const exists = (owner: string, id: string) => getRow.get(owner, id) !== undefined;

  return {
    ownerless,
    maxTasksPerOwner: limit,
    async listPage(owner, { limit, after }) {
      if (after !== undefined && !/^\d{1,15}$/.test(after)) return undefined;
      // One more than asked: whether it is there says whether another page follows.
      const rows = pageRows.all(owner, Number(after ?? 0), limit + 1) as unknown as Row[];
      const items = rows
        .slice(0, limit)
        .map((row) => ({ task: toTask(row), position: String(row.seq) }));
      return { items, more: rows.length > limit };
    },
    async get(owner, id) {
      const row = getRow.get(owner, id) as Row | undefined;
      return row && toTask(row);
    },
    async create(owner, draft) {
      if (Number((countRows.get(owner) as { n: number }).n) >= limit) return LIMIT_REACHED;
      const at = now().toISOString();
      const row = insertRow.get(owner, newTaskId(), serialize(draft), at, at) as unknown as Row;
      return toTask(row);
    },
    async update(owner, id, draft, expectedVersion) {
      const version = expectedVersion ?? null;
      const row = updateRow.get(serialize(draft), now().toISOString(), owner, version, id) as
        Row | undefined;
      if (row) return toTask(row);
      return exists(owner, id) ? STALE : undefined;
    },
    async delete(owner, id, expectedVersion) {
      if (Number(deleteRow.run(owner, expectedVersion ?? null, id).changes) > 0) return true;
      return exists(owner, id) ? STALE : false;
    },
    close: () => db.close(),
  };
}

/**
 * Creates the table, or brings one from before owners and versions up to date: the new columns
 * are added (owner NULL, version 1 for existing rows); no row is changed or removed.
 */
function migrate(db: DatabaseSync): void {
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA busy_timeout = 5000;
    CREATE TABLE IF NOT EXISTS tasks (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      draft TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `);
  const columns = new Set(
    (db.prepare('PRAGMA table_info(tasks)').all() as { name: string }[]).map((c) => c.name),
  );
  if (!columns.has('owner')) db.exec('ALTER TABLE tasks ADD COLUMN owner TEXT');
  if (!columns.has('version')) {
    db.exec('ALTER TABLE tasks ADD COLUMN version INTEGER NOT NULL DEFAULT 1');
  }
  db.exec('CREATE INDEX IF NOT EXISTS tasks_by_owner ON tasks (owner, seq)');
}

function serialize(draft: TaskDraft): string {
  return JSON.stringify(draftFields(draft));
}

function toTask(row: Row): Task {
  return {
    id: row.id,
    ...(JSON.parse(row.draft) as TaskDraft),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}
