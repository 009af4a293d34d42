/**
 * Clicks through a durable queue (Workers). A D1 database runs one query at a time, so one insert
 * per click caps an install at roughly a thousand clicks a second however many isolates serve it.
 * Instead the 302 waits for the Queue's send, which is durable once it resolves, and the Queue's
 * consumer writes the clicks and the aggregates they add in batches, all of a batch in one D1
 * batch (one transaction).
 *
 * A queue delivers at least once: a batch may come again after its writes committed (the consumer
 * died before acknowledging). The click's id (the visit id the player carries) is the key: clicks
 * already stored are left out before writing, so a repeated batch stores and counts nothing twice.
 * Two consumers racing on the same ids cannot both write them: the second batch fails on the
 * primary key, rolls back whole, and is delivered again, when its clicks are found stored.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insertManyAtomically } from '../../db/insert-many.ts';
import { clickWriteParts, type ClickRow, type ClickWriter } from './click-writer.ts';
import { clicks } from './table.ts';

/** A click as a queue message carries it: the time as epoch milliseconds. */
export type QueuedClick = Omit<ClickRow, 'createdAt'> & { createdAt: number };

export interface ClickQueue {
  send(body: QueuedClick): Promise<unknown>;
}

export function createQueuedClickWriter(queue: ClickQueue): ClickWriter {
  return {
    write: async (row) => {
      await queue.send({ ...row, createdAt: (row.createdAt as Date).getTime() });
    },
    // Nothing waits in this isolate: a sent click is the queue's.
    drain: async () => {},
  };
}

/** Ids asked about per query: D1 binds at most 100 parameters. */
const IDS_PER_QUERY = 90;

/**
 * Stores a delivered batch of queued clicks with their aggregates, leaving out clicks already
 * stored (a redelivery) and repeats inside the batch. Throws if the write fails: the caller lets
 * the queue deliver the batch again.
 */
export async function storeQueuedClicks(
  db: Db,
  messages: QueuedClick[],
  options: { maxParams?: number } = {},
): Promise<{ stored: number; repeated: number }> {
  const byId = new Map<string, ClickRow>();
  for (const m of messages) byId.set(m.id, { ...m, createdAt: new Date(m.createdAt) });
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const found = await db
      .select({ id: clicks.id })
      .from(clicks)
      .where(inArray(clicks.id, ids.slice(i, i + IDS_PER_QUERY)));
    for (const { id } of found) byId.delete(id);
  }
  const fresh = [...byId.values()];
  if (fresh.length > 0) await insertManyAtomically(db, clickWriteParts(fresh), options);
  return { stored: fresh.length, repeated: messages.length - fresh.length };
}
