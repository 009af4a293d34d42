/**
 * Durable click writing with group commit. A click's 302 goes out only after its row is
 * committed; concurrent clicks wait in a queue that is flushed as one multi-row insert when it
 * reaches `maxRows` or `maxDelayMs` after its first click, so a burst of N clicks costs one
 * commit instead of N. A failed flush rejects every waiting click (the caller still redirects
 * the player, and the click is reported as not stored), so nothing is acknowledged unwritten.
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
  maxDelayMs?: number;
  /** Bound parameters one statement may carry (libSQL: 32,766; D1: 100). */
  maxParams?: number;
}

export function createGroupCommitWriter(db: Db, options: GroupCommitOptions = {}): ClickWriter {
  const maxRows = options.maxRows ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 4;
  const maxParams = options.maxParams ?? 32_000;
  let queue: Array<{ row: ClickRow; resolve: () => void; reject: (e: unknown) => void }> = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  const flush = () => {
    if (timer) { clearTimeout(timer); timer = null; }
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    // Commits run one after another so rows keep their arrival order and never contend.
    inFlight = inFlight.then(async () => {
      try {
        await insertMany(db, clicks, batch.map((b) => b.row), { maxParams });
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    });
  };

  return {
    write(row) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        if (queue.length >= maxRows) flush();
        else timer ??= setTimeout(flush, maxDelayMs);
      });
    },
    async drain() {
      flush();
      await inFlight;
    },
  };
}

/** One insert per click, awaited: what Workers use (each request is its own invocation). */
export function createDirectWriter(db: Db): ClickWriter {
  return {
    write: async (row) => { await db.insert(clicks).values(row); },
    drain: async () => {},
  };
}
