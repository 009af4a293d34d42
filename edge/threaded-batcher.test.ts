/**
 * The writer thread: batches commit in order and whole, what it commits the app's client reads,
 * a dead thread fails its unanswered batches at once (no request hangs) and the next batch starts
 * a new one, and close() drains what was sent.
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { cleanupAfterEach, openScratchDatabase } from '../tests/helpers/scratch-database.ts';
import { openThreadedBatcher, type ThreadedBatcher } from './threaded-batcher.ts';

const cleanup = cleanupAfterEach();

async function open() {
  const { db, url } = await openScratchDatabase(cleanup, sql`create table t (id integer primary key, v text not null)`);
  const batcher = openThreadedBatcher(url, { synchronous: 'normal' })!;
  cleanup.push(() => batcher.close());
  const count = async () => (await db.all<{ n: number }>(sql`select count(*) as n from t`))[0]!.n;
  return { db, batcher, count };
}

const insert = (id: number, v: string | null = 'x') => ({ sql: 'insert into t (id, v) values (?, ?)', args: [id, v] });

/** Enough rows that the thread is still inside the batch when the test kills it. */
const bigBatch = (from: number) => Array.from({ length: 50_000 }, (_, i) => insert(from + i));

it('commits each batch whole on the thread, rolls a failing one back whole with its error, and goes on', async () => {
  const { batcher, count } = await open();
  await batcher.run([insert(1), insert(2)]);
  expect(await count()).toBe(2);
  await expect(batcher.run([insert(3), insert(4, null)])).rejects.toThrow(/NOT NULL/);
  expect(await count()).toBe(2);
  await batcher.run([insert(5)]);
  expect(await count()).toBe(3);
});

it('answers batches in the order they were sent, each after its own commit', async () => {
  const { batcher, count } = await open();
  const order: number[] = [];
  await Promise.all(Array.from({ length: 20 }, (_, i) => batcher.run([insert(i + 1)]).then(() => order.push(i))));
  expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  expect(await count()).toBe(20);
});

it('commits the batches that wait while it is busy together, each failing or committing whole on its own', async () => {
  const { batcher, count, db } = await open();
  // A big batch keeps the thread busy while the next ones arrive: they wait, then share a transaction.
  const sent = [
    batcher.run(bigBatch(1_000)),
    ...Array.from({ length: 12 }, (_, i) => batcher.run([insert(100 + i * 2), insert(i === 5 ? 1_000 : 101 + i * 2)])),
    batcher.runGroups([[insert(200)], [insert(201, null)], [insert(202)]]),
  ];
  const outcomes = await Promise.allSettled(sent);
  // The sixth small batch repeats an id of the big one: it alone is rolled back, its first row with it.
  expect(outcomes.map((o) => o.status)).toEqual(sent.map((_, i) => (i === 6 ? 'rejected' : 'fulfilled')));
  expect(String((outcomes[6] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed/);
  expect((outcomes.at(-1) as PromiseFulfilledResult<Array<Error | undefined>>).value.map((e) => e?.message)).toEqual([
    undefined,
    expect.stringMatching(/NOT NULL/),
    undefined,
  ]);
  const ids = (await db.all<{ id: number }>(sql`select id from t where id < 1000 order by id`)).map((r) => r.id);
  expect(ids).toEqual([
    ...Array.from({ length: 24 }, (_, i) => 100 + i).filter((id) => id !== 110 && id !== 111),
    200,
    202,
  ]);
  expect(await count()).toBe(50_000 + 22 + 2);
  // 14 requests, far fewer transactions: the 13 that waited behind the big one were committed together.
  const { answered, commits } = batcher.stats();
  expect(answered).toBe(14);
  expect(commits).toBeLessThanOrEqual(3);
});

it('rejects the unanswered batches of a thread that died, at once, and starts a new thread for the next', async () => {
  const { batcher, count } = await open();
  await batcher.run([insert(1)]);
  const first = batcher.thread!;
  const doomed = batcher.run(bigBatch(1_000));
  const outcome = doomed.then(
    () => 'committed',
    (error: Error) => error.message,
  );
  await first.terminate();
  const said = await outcome;
  // Either the commit won the race (then all 50,000 rows are there) or the batch was answered as
  // failed; a failed answer may still land whole (terminate() does not stop a native COMMIT under
  // way), never in part.
  if (said === 'committed') expect(await count()).toBe(50_001);
  else {
    expect(said).toMatch(/writer thread stopped/);
    expect([1, 50_001]).toContain(await count());
  }
  await batcher.run([insert(2)]);
  expect(batcher.thread).not.toBe(first);
  expect(said === 'committed' ? [50_002] : [2, 50_002]).toContain(await count());
});

it('sends each SQL text once, and starts both lists afresh past their bound without mixing texts up', async () => {
  const { db, batcher, count } = await open();
  // 60 batches of 100 texts no batch repeats (6,000 > the 4,096 kept), then texts sent long ago.
  const distinct = (id: number) => ({ sql: `insert into t (id, v) values (?, 'v${id}')`, args: [id] });
  for (let b = 0; b < 60; b++) await batcher.run(Array.from({ length: 100 }, (_, i) => distinct(b * 100 + i + 1)));
  await batcher.run([distinct(6_001), insert(6_002, 'again'), distinct(6_003)]);
  expect(await count()).toBe(6_003);
  const wrong = await db.all<{ n: number }>(sql`select count(*) as n from t where v <> 'v' || id and id <> 6002`);
  expect(wrong[0]!.n).toBe(0);
});

it('close() waits for every batch sent, then stops the thread; later batches are refused', async () => {
  const { batcher, count } = await open();
  const sent = Array.from({ length: 30 }, (_, i) => batcher.run([insert(i + 1)]));
  const thread = batcher.thread!;
  const exited = new Promise<number>((done) => thread.once('exit', done));
  await batcher.close();
  await Promise.all(sent);
  expect(await count()).toBe(30);
  expect(await exited).toBe(0);
  await expect(batcher.run([insert(99)])).rejects.toThrow(/closing/);
});

it('is only for a database file', () => {
  const batchers: Array<ThreadedBatcher | null> = [
    openThreadedBatcher('file::memory:', { synchronous: 'full' }),
    openThreadedBatcher('libsql://db.example.turso.io', { synchronous: 'full' }),
  ];
  expect(batchers).toEqual([null, null]);
});
