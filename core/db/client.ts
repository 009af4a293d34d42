import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type * as schema from './schema.ts';

/**
 * The database handle core code sees. libSQL (file or remote) and Cloudflare D1 both give an
 * async SQLite drizzle database with the same `batch()`; core uses only queries and batch
 * (D1 has no interactive transactions, so multi-statement writes that must be atomic are batches).
 */
export type Db = BaseSQLiteDatabase<'async', unknown, typeof schema> & Pick<LibSQLDatabase<typeof schema>, 'batch'>;
