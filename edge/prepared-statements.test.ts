/**
 * Statements kept prepared under @libsql/client: the same SQL answers the same statement, and what
 * the client returns is unchanged: rows and columns of reads, changes of writes, RETURNING rows,
 * errors, a schema change under a kept statement, more distinct statements than are kept, and a
 * file closed and opened again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import Database from 'libsql';
import { afterEach, expect, it } from 'vitest';
import { keepStatementsPrepared } from './prepared-statements.ts';

keepStatementsPrepared();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function file() {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-kept-'));
  dirs.push(dir);
  return join(dir, 'k.db');
}

it('answers the same statement for the same SQL on one connection, another on another connection', () => {
  const path = file();
  const a = new Database(path);
  const b = new Database(path);
  expect(a.prepare('select 1')).toBe(a.prepare('select 1'));
  expect(b.prepare('select 1')).not.toBe(a.prepare('select 1'));
  a.close();
  b.close();
});

it('leaves what the client answers unchanged: reads, writes, RETURNING, errors, schema changes', async () => {
  const client = createClient({ url: `file:${file()}` });
  await client.execute('create table t (id integer primary key, v text not null)');
  for (let i = 1; i <= 3; i++) {
    const written = await client.execute({ sql: 'insert into t (v) values (?)', args: [`v${i}`] });
    expect([written.rowsAffected, written.columns]).toEqual([1, []]);
  }
  const returned = await client.execute({ sql: 'insert into t (v) values (?) returning id, v', args: ['v4'] });
  expect(returned.columns).toEqual(['id', 'v']);
  expect(returned.rows.map((r) => [r.id, r.v])).toEqual([[4, 'v4']]);
  for (let i = 0; i < 2; i++) {
    const read = await client.execute({ sql: 'select id, v from t where id > ? order by id', args: [2] });
    expect(read.columns).toEqual(['id', 'v']);
    expect(read.rows.map((r) => r.v)).toEqual(['v3', 'v4']);
  }
  await expect(client.execute({ sql: 'insert into t (v) values (?)', args: [null] })).rejects.toThrow(/NOT NULL/);
  expect((await client.execute({ sql: 'insert into t (v) values (?)', args: ['v5'] })).rowsAffected).toBe(1);
  await client.execute('alter table t add column w text');
  await client.execute({ sql: 'update t set w = ? where id = ?', args: ['x', 1] });
  const after = await client.execute({ sql: 'select id, v from t where id > ? order by id', args: [4] });
  expect(after.rows.map((r) => r.v)).toEqual(['v5']);
  expect((await client.execute('select w from t where id = 1')).rows[0]!.w).toBe('x');
  const batch = await client.batch(['select count(*) as n from t', 'delete from t where id = 5'], 'write');
  expect([batch[0]!.rows[0]!.n, batch[1]!.rowsAffected]).toEqual([5, 1]);
  client.close();
});

it('keeps the most recent statements when more distinct ones run, and a closed file opens again', async () => {
  const path = file();
  const client = createClient({ url: `file:${path}` });
  await client.execute('create table t (id integer primary key)');
  for (let i = 0; i < 1_200; i++) await client.execute(`select ${i} as n from t where id = ${i}`);
  await client.execute('insert into t (id) values (1)');
  expect((await client.execute('select 1 as n from t where id = 1')).rows[0]!.n).toBe(1);
  client.close();
  const again = createClient({ url: `file:${path}` });
  expect((await again.execute('select count(*) as n from t')).rows[0]!.n).toBe(1);
  again.close();
});
