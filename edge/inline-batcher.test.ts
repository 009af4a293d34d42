/**
 * The inline writer (KABINET_DB_WRITER=inline): the writer thread's commits on the caller's
 * thread. A batch commits whole or not at all, separate callers' batches in one transaction fail
 * alone, what it commits the app's client reads, and once closed it refuses further batches.
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { cleanupAfterEach, openScratchDatabase } from '../tests/helpers/scratch-database.ts';
import { openInlineWriter } from './inline-batcher.ts';

const cleanup = cleanupAfterEach();

async function open() {
  const { db, url } = await openScratchDatabase(cleanup, sql`create table t (id integer primary key, v text not null)`);
  const writer = openInlineWriter(url, { synchronous: 'full' })!;
  cleanup.push(() => writer.close());
  const ids = async () => (await db.all<{ id: number }>(sql`select id from t order by id`)).map((r) => r.id);
  return { writer, ids };
}

const insert = (id: number, v: string | null = 'x') => ({ sql: 'insert into t (id, v) values (?, ?)', args: [id, v] });

it('commits a batch whole, rolls a failing one back whole with its error, and goes on', async () => {
  const { writer, ids } = await open();
  await writer.run([insert(1), insert(2)]);
  await expect(writer.run([insert(3), insert(4, null)])).rejects.toThrow(/NOT NULL/);
  await writer.run([insert(5)]);
  expect(await ids()).toEqual([1, 2, 5]);
});

it('runs separate batches in one transaction, each failing or committing whole on its own', async () => {
  const { writer, ids } = await open();
  const outcomes = await writer.runGroups([[insert(1), insert(2)], [insert(3), insert(1)], [insert(4)]]);
  expect(outcomes.map((e) => e?.message)).toEqual([undefined, expect.stringMatching(/UNIQUE/), undefined]);
  expect(await ids()).toEqual([1, 2, 4]);
});

it('refuses batches once closed, and closing twice is harmless', async () => {
  const { writer, ids } = await open();
  await writer.run([insert(1)]);
  await writer.close();
  await writer.close();
  await expect(writer.run([insert(2)])).rejects.toThrow(/closing/);
  expect(await ids()).toEqual([1]);
});

it('is only for a database file', () => {
  expect([
    openInlineWriter('file::memory:', { synchronous: 'full' }),
    openInlineWriter('libsql://db.example.turso.io', { synchronous: 'full' }),
  ]).toEqual([null, null]);
});
