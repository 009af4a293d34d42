/**
 * libSQL for the Node and Deno entries: an embedded file by default, or a remote libSQL/Turso
 * database when DATABASE_URL names one. Migrations are drizzle-kit's committed SQL files.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from '../core/db/schema.ts';
import type { Db } from '../core/db/client.ts';
import { keepStatementsPrepared } from './prepared-statements.ts';

export const DEFAULT_DATABASE_URL = 'file:./data/kabinet.db';
export const MIGRATIONS_DIR = fileURLToPath(new URL('../core/db/migrations', import.meta.url));

export async function openLibsqlDatabase(url: string, authToken?: string): Promise<{ db: Db; close: () => void }> {
  if (!/^(file:|libsql:|https?:|wss?:)/.test(url)) {
    throw new Error(`DATABASE_URL must start with file:, libsql:, http(s): or ws(s): — got "${url}"`);
  }
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0]!;
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  // A file is shared by every process that opens it (two Node servers, the CLI): a writer waits
  // up to 5 s for another's lock instead of failing with SQLITE_BUSY. The client keeps a pool of
  // connections, so this is its `timeout` option (set on each connection it opens); a
  // `PRAGMA busy_timeout` would reach only the one connection that ran it.
  // The embedded driver's statements kept prepared (see prepared-statements.ts); remote URLs skip it.
  if (url.startsWith('file:')) keepStatementsPrepared();
  const client = createClient({ url, authToken, ...(url.startsWith('file:') ? { timeout: 5000 } : {}) });
  // WAL lets readers go on while the writer commits (kept in the file: once is enough).
  if (url.startsWith('file:')) await client.execute('PRAGMA journal_mode = WAL');
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR });
  return { db, close: () => client.close() };
}
