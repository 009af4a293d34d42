import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openLibsqlDatabase } from './libsql.ts';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

it("waits out another process's write lock on every pooled connection, not only the first", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-libsql-'));
  const { db, close } = await openLibsqlDatabase(`file:${join(dir, 'k.db')}`);
  cleanup.push(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });
  const client = (
    db as unknown as { $client: { execute(sql: string): Promise<{ rows: Array<Record<string, unknown>> }> } }
  ).$client;
  // Calls made at once borrow separate connections from the client's pool.
  const answers = await Promise.all([1, 2, 3, 4].map(() => client.execute('PRAGMA busy_timeout')));
  expect(answers.map((a) => Object.values(a.rows[0]!)[0])).toEqual([5000, 5000, 5000, 5000]);
  expect(Object.values((await client.execute('PRAGMA journal_mode')).rows[0]!)[0]).toBe('wal');
});
