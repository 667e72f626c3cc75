// Tasks in SQLite (node:sqlite, Node 24). Every write is one statement in autocommit mode, i.e.
// its own transaction, and the file runs with synchronous=FULL, so a task is on disk before the
// response that acknowledges it is written.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';

export type DayOfWeek = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';

/** A body that passed validation against components.schemas.TaskDraft. */
export interface TaskDraft {
  name: string;
  description?: string;
  hour: number;
  minute: number;
  daysOfWeek: DayOfWeek[];
  executionCommand: string;
  executeUntil?: string;
}

export interface Task extends TaskDraft {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface TaskStore {
  list(): Task[];
  get(id: string): Task | undefined;
  create(draft: TaskDraft): Task;
  update(id: string, draft: TaskDraft): Task | undefined;
  delete(id: string): boolean;
  close(): void;
}

interface Row {
  id: string;
  draft: string;
  created_at: string;
  updated_at: string;
}

/** `path` is a file (created with its folder) or `:memory:`. */
export function openTaskStore(path: string, now: () => Date = () => new Date()): TaskStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
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
  const listRows = db.prepare('SELECT id, draft, created_at, updated_at FROM tasks ORDER BY seq');
  const getRow = db.prepare('SELECT id, draft, created_at, updated_at FROM tasks WHERE id = ?');
  const insertRow = db.prepare(
    'INSERT INTO tasks (id, draft, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id, draft, created_at, updated_at',
  );
  const updateRow = db.prepare(
    'UPDATE tasks SET draft = ?, updated_at = ? WHERE id = ? RETURNING id, draft, created_at, updated_at',
  );
  const deleteRow = db.prepare('DELETE FROM tasks WHERE id = ?');

  return {
    list: () => (listRows.all() as unknown as Row[]).map(toTask),
    get(id) {
      const row = getRow.get(id) as Row | undefined;
      return row && toTask(row);
    },
    create(draft) {
      const at = now().toISOString();
      return toTask(insertRow.get(randomUUID(), serialize(draft), at, at) as unknown as Row);
    },
    update(id, draft) {
      const row = updateRow.get(serialize(draft), now().toISOString(), id) as Row | undefined;
      return row && toTask(row);
    },
    delete: (id) => Number(deleteRow.run(id).changes) > 0,
    close: () => db.close(),
  };
}

// Only the draft's own fields are stored; id and timestamps live in their columns, so a body can
// never overwrite them.
function serialize(draft: TaskDraft): string {
  const { name, description, hour, minute, daysOfWeek, executionCommand, executeUntil } = draft;
  return JSON.stringify({
    name,
    description,
    hour,
    minute,
    daysOfWeek,
    executionCommand,
    executeUntil,
  });
}

function toTask(row: Row): Task {
  return {
    id: row.id,
    ...(JSON.parse(row.draft) as TaskDraft),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
