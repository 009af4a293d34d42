/**
 * Run by tests/runtime/deno-writer.test.ts with the real Deno binary: the writer thread on Deno
 * (edge/threaded-batcher.ts through Deno's node:worker_threads) commits batches whole and in order,
 * a thread that dies fails its unanswered batch at once and the next batch starts a new thread, and
 * close() drains. Prints one JSON line of what it saw; the test judges it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { openThreadedBatcher } from '../../edge/threaded-batcher.ts';

const dir = mkdtempSync(join(tmpdir(), 'kabinet-deno-writer-'));
const path = join(dir, 'k.db');
const reader = new Database(path);
reader.exec('pragma journal_mode = wal; create table t (id integer primary key, v text not null)');
const count = () => (reader.prepare('select count(*) as n from t').get() as { n: number }).n;
const insert = (id: number, v: string | null = 'x') => ({ sql: 'insert into t (id, v) values (?, ?)', args: [id, v] });
const seen: Record<string, unknown> = {};
const batcher = openThreadedBatcher(`file:${path}`, { synchronous: 'normal' })!;
try {
  await batcher.run([insert(1), insert(2)]);
  seen.afterFirst = count();
  seen.failing = await batcher.run([insert(3), insert(4, null)]).then(
    () => 'committed',
    (error: Error) => error.message,
  );
  seen.afterFailing = count();
  const order: number[] = [];
  await Promise.all(Array.from({ length: 20 }, (_, i) => batcher.run([insert(10 + i)]).then(() => order.push(i))));
  seen.inOrder = order.every((v, i) => v === i) && order.length === 20;
  seen.afterTwenty = count();
  const first = batcher.thread!;
  const doomed = batcher.run(Array.from({ length: 50_000 }, (_, i) => insert(1_000 + i)));
  const outcome = doomed.then(
    () => 'committed',
    (error: Error) => error.message,
  );
  await first.terminate();
  seen.killed = await outcome;
  seen.afterKill = count();
  await batcher.run([insert(500)]);
  seen.newThread = batcher.thread !== first;
  seen.afterNewThread = count();
  const sent = Array.from({ length: 30 }, (_, i) => batcher.run([insert(100_000 + i)]));
  await batcher.close();
  await Promise.all(sent);
  seen.afterClose = count();
  seen.refused = await batcher.run([insert(99)]).then(
    () => 'committed',
    (error: Error) => error.message,
  );
} finally {
  reader.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(seen));
