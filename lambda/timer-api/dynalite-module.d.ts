// dynalite ships no types; the part of its API this project uses (node_modules/dynalite/index.js).
declare module 'dynalite' {
  import type { Server } from 'node:http';
  interface DynaliteOptions {
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** LevelDB folder; in memory without it. */
    path?: string;
  }
  export default function dynalite(options?: DynaliteOptions): Server;
}
