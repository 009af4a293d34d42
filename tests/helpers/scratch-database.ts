/**
 * A database file of its own for a test of the writers (edge/threaded-batcher.ts,
 * edge/inline-batcher.ts and the batch group commit): created in a fresh directory with the table
 * the test writes, read through the app's own libSQL client, and removed after the test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQL } from 'drizzle-orm';
import { afterEach } from 'vitest';
import { openLibsqlDatabase } from '../../edge/libsql.ts';

/** Registers the file's afterEach: every function pushed during a test runs after it, the last pushed first. */
export function cleanupAfterEach(): Array<() => Promise<void> | void> {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).toReversed()) await fn();
  });
  return cleanup;
}

/** A fresh database file with `table` created in it: its `file:` URL and the client on it. */
export async function openScratchDatabase(cleanup: Array<() => Promise<void> | void>, table: SQL) {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-writer-'));
  const url = `file:${join(dir, 'k.db')}`;
  const { db, close } = await openLibsqlDatabase(url);
  cleanup.push(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });
  await db.run(table);
  return { db, url };
}
