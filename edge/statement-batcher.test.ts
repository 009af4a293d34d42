/**
 * The click writer's own connection on Node: a batch commits whole or not at all, its statements
 * stay prepared (bounded), and what it writes is what the app's client reads on the same file,
 * the aggregates with the clicks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { batchStatements } from '../core/db/insert-many.ts';
import { createGroupCommitWriter, type ClickRow } from '../core/modules/tracking/click-writer.ts';
import { openLibsqlDatabase } from './libsql.ts';
import { openStatementBatcher } from './statement-batcher.ts';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

async function open() {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-batcher-'));
  const url = `file:${join(dir, 'k.db')}`;
  const { db, close } = await openLibsqlDatabase(url);
  const batcher = openStatementBatcher(url)!;
  cleanup.push(() => {
    batcher.close();
    close();
    rmSync(dir, { recursive: true, force: true });
  });
  await db.run(sql`create table t (id integer primary key, v text not null)`);
  return { db, batcher };
}

const count = async (db: Awaited<ReturnType<typeof open>>['db'], table: string) =>
  (await db.all<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)))[0]!.n;

it('commits a batch whole, or rolls it back whole when one statement fails, and goes on after', async () => {
  const { db, batcher } = await open();
  batcher.run([
    { sql: 'insert into t (id, v) values (?, ?)', args: [1, 'a'] },
    { sql: 'insert into t (id, v) values (?, ?)', args: [2, 'b'] },
  ]);
  expect(await count(db, 't')).toBe(2);
  expect(() =>
    batcher.run([
      { sql: 'insert into t (id, v) values (?, ?)', args: [3, 'c'] },
      { sql: 'insert into t (id, v) values (?, ?)', args: [4, null] },
    ]),
  ).toThrow(/NOT NULL/);
  expect(await count(db, 't')).toBe(2);
  batcher.run([{ sql: 'insert into t (id, v) values (?, ?)', args: [3, 'c'] }]);
  expect(await count(db, 't')).toBe(3);
});

it('keeps statements prepared by their text, the 256 most recently used', async () => {
  const { batcher } = await open();
  for (let i = 0; i < 5; i++) batcher.run([{ sql: 'insert into t (v) values (?)', args: ['x'] }]);
  expect(batcher.cached()).toBe(1);
  for (let i = 0; i < 300; i++) batcher.run([{ sql: `insert into t (v) values (?) -- ${i}`, args: ['y'] }]);
  expect(batcher.cached()).toBe(256);
});

it('is not opened for a remote database or memory', () => {
  expect(openStatementBatcher('libsql://example.turso.io')).toBeNull();
  expect(openStatementBatcher('file::memory:')).toBeNull();
});

it('writes clicks and their aggregates through the group-commit writer, read back by the client', async () => {
  const { db, batcher } = await open();
  const writer = createGroupCommitWriter(db, {
    commit: (parts) => batcher.run(batchStatements(parts, { maxParams: 32_000 })),
  });
  const at = new Date('2026-11-30T10:07:00Z');
  const row = (i: number): ClickRow => ({
    id: `clk_${i}`,
    operatorId: 'op_x',
    partnerId: 'prt_x',
    campaignId: 'camp_x',
    promoId: 'promo_x',
    createdAt: at,
    params: [['sub1', `s${i % 3}`]],
    country: 'DE',
    isBot: i % 5 === 0,
    isUnique: i % 2 === 0,
  });
  await Promise.all(Array.from({ length: 40 }, (_, i) => writer.write(row(i))));
  await writer.drain();
  expect(await count(db, 'clicks')).toBe(40);
  const [cube] = await db.all<{ clicks: number; bots: number; uniques: number }>(
    sql`select sum(clicks) as clicks, sum(bot_clicks) as bots, sum(unique_clicks) as uniques from stats_full_q`,
  );
  expect(cube).toEqual({ clicks: 32, bots: 8, uniques: 16 });
  // A click that breaks a constraint fails its whole batch: neither it nor its aggregates land.
  await expect(writer.write({ ...row(1), id: 'clk_1' })).rejects.toThrow(/UNIQUE/);
  expect(await count(db, 'clicks')).toBe(40);
  const [after] = await db.all<{ clicks: number }>(sql`select sum(clicks) as clicks from stats_full_q`);
  expect(after!.clicks).toBe(32);
});
