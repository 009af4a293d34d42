import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client.ts';

/**
 * Cloudflare D1 binds at most 100 parameters per statement (libSQL allows 32,766), so
 * multi-row inserts are cut into statements of at most `maxParams` values (default: D1's
 * limit) and sent as one batch: still one round trip, still all-or-nothing.
 */
export const MAX_BOUND_PARAMETERS = 100;

export async function insertMany<T extends SQLiteTable>(db: Db, table: T, rows: Array<T['$inferInsert']>, options: { maxParams?: number | undefined; onConflictDoNothing?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(getTableColumns(table)).length;
  const perStatement = Math.max(1, Math.floor((options.maxParams ?? MAX_BOUND_PARAMETERS) / columns));
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const insert = db.insert(table).values(rows.slice(i, i + perStatement));
    statements.push(options.onConflictDoNothing ? insert.onConflictDoNothing() : insert);
  }
  await db.batch(statements as [typeof statements[0], ...typeof statements]);
}
