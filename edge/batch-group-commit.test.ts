/**
 * Atomic batches through the writer thread's group commit (edge/boot.ts wires it for the servers):
 * batches that arrive together share one transaction, each in its own savepoint, so a batch that
 * fails is rolled back alone and its caller alone gets the error; every caller is answered after
 * the commit that holds its batch; a failed transaction fails every batch in it.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { expect, it } from 'vitest';
import { cleanupAfterEach, openScratchDatabase } from '../tests/helpers/scratch-database.ts';
import { createGroupQueue } from '../core/db/group-commit.ts';
import { commitBatchesThrough, insertManyAtomically, type Statement } from '../core/db/insert-many.ts';
import { openThreadedBatcher } from './threaded-batcher.ts';

const items = sqliteTable('items', { id: integer('id').primaryKey(), v: text('v').notNull() });

const cleanup = cleanupAfterEach();

async function open() {
  const { db, url } = await openScratchDatabase(
    cleanup,
    sql`create table items (id integer primary key, v text not null)`,
  );
  const batcher = openThreadedBatcher(url, { synchronous: 'normal' })!;
  cleanup.push(() => batcher.close());
  const transactions: number[] = [];
  const queue = createGroupQueue<Statement[]>(
    (groups) => {
      transactions.push(groups.length);
      return batcher.runGroups(groups);
    },
    { maxItems: 256, pipeline: 2 },
  );
  commitBatchesThrough(db, (statements) => queue.add(statements));
  cleanup.push(() => commitBatchesThrough(db, null));
  const ids = async () => (await db.all<{ id: number }>(sql`select id from items order by id`)).map((r) => r.id);
  return { db, batcher, transactions, ids };
}

it('rolls a failing batch back alone, answers each caller with its own outcome, and shares commits', async () => {
  const { db, transactions, ids } = await open();
  await insertManyAtomically(db, [{ table: items, rows: [{ id: 1, v: 'one' }] }]);
  const outcomes = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) =>
      insertManyAtomically(db, [
        { table: items, rows: [{ id: 100 + i * 2, v: 'a' }] },
        // Batch 7's second row repeats id 1: that batch alone fails, its first row with it.
        { table: items, rows: [{ id: i === 7 ? 1 : 101 + i * 2, v: 'b' }] },
      ]),
    ),
  );
  expect(
    outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason)),
  ).toEqual([expect.stringMatching(/UNIQUE constraint failed: items\.id/)]);
  expect(outcomes[7]!.status).toBe('rejected');
  const stored = await ids();
  expect(stored).toHaveLength(1 + 39 * 2);
  expect(stored).not.toContain(114);
  // 41 batches in far fewer transactions: the 40 sent together were grouped.
  expect(transactions.reduce((a, b) => a + b, 0)).toBe(41);
  expect(transactions.length).toBeLessThan(10);
});

it('fails every batch of a transaction that could not commit, and the next batches go on', async () => {
  const { db, batcher, ids } = await open();
  await insertManyAtomically(db, [{ table: items, rows: [{ id: 1, v: 'one' }] }]);
  // A batch too big to finish before the thread is killed, with two small ones in its transaction.
  const big = Array.from({ length: 50_000 }, (_, i) => ({ id: 1_000 + i, v: 'x' }));
  const sent = [
    insertManyAtomically(db, [{ table: items, rows: [{ id: 2, v: 'two' }] }]),
    insertManyAtomically(db, [{ table: items, rows: big }]),
    insertManyAtomically(db, [{ table: items, rows: [{ id: 3, v: 'three' }] }]),
  ];
  await new Promise((resolve) => setTimeout(resolve, 20));
  await batcher.thread?.terminate();
  const outcomes = await Promise.allSettled(sent);
  const stored = await ids();
  // Committed whole or not at all: all three batches or none of them (a COMMIT under way may land).
  if (outcomes.every((o) => o.status === 'fulfilled')) expect(stored).toHaveLength(3 + big.length);
  else {
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect([1, 3 + big.length]).toContain(stored.length);
  }
  await insertManyAtomically(db, [{ table: items, rows: [{ id: 4, v: 'four' }] }]);
  expect(await ids()).toContain(4);
});
