/**
 * Durable click writing with group commit. A click's 302 goes out only after its row is
 * committed. Clicks that arrive while a commit is under way wait in a queue and all go into the
 * next commit, which starts the moment the previous one ends (and at most `maxRows` at a time).
 * So an idle server commits a lone click almost at once, and a busy one shares each commit (and
 * its fsync) among everything that arrived meanwhile: batch size follows the load, no fixed wait.
 * A failed commit rejects every click in it (the caller still redirects the player and reports
 * the error), so nothing is acknowledged as stored without being stored.
 */
import type { Db } from '../../db/client.ts';
import { insertMany } from '../../db/insert-many.ts';
import { clicks } from './table.ts';

export type ClickRow = typeof clicks.$inferInsert;

export interface ClickWriter {
  write(row: ClickRow): Promise<void>;
  /** Waits for anything queued (shutdown, tests). */
  drain(): Promise<void>;
}

export interface GroupCommitOptions {
  maxRows?: number;
  /** Bound parameters one statement may carry (libSQL: 32,766; D1: 100). */
  maxParams?: number;
}

interface Waiting {
  row: ClickRow;
  resolve: () => void;
  reject: (e: unknown) => void;
}

const nextTurn: (fn: () => void) => void =
  typeof globalThis.setImmediate === 'function'
    ? (fn) => {
        globalThis.setImmediate(fn);
      }
    : (fn) => {
        setTimeout(fn, 0);
      };

export function createGroupCommitWriter(db: Db, options: GroupCommitOptions = {}): ClickWriter {
  const maxRows = options.maxRows ?? 2000;
  const maxParams = options.maxParams ?? 32_000;
  let queue: Waiting[] = [];
  let committing: Promise<void> | null = null;

  async function commitLoop(): Promise<void> {
    // Wait one turn of the event loop so requests read in the same I/O phase join this commit.
    // setImmediate (Node, Deno) runs right after that phase; setTimeout(0) would add ~1 ms.
    await new Promise<void>((resolve) => nextTurn(resolve));
    while (queue.length > 0) {
      const batch = queue.slice(0, maxRows);
      queue = queue.slice(batch.length);
      try {
        await insertMany(
          db,
          clicks,
          batch.map((b) => b.row),
          { maxParams },
        );
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    committing = null;
  }

  return {
    write(row) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        committing ??= commitLoop();
      });
    },
    async drain() {
      // A commit loop may end and a new one start while we wait: wait until none is running.
      for (let pending = committing; pending; pending = committing) await pending;
    },
  };
}

/** One insert per click, awaited: what Workers use (each request is its own invocation). */
export function createDirectWriter(db: Db): ClickWriter {
  return {
    write: async (row) => {
      await db.insert(clicks).values(row);
    },
    drain: async () => {},
  };
}
