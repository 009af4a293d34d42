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
  const client = createClient({ url, authToken });
  if (url.startsWith('file:')) {
    // WAL lets readers go on while the writer commits; busy_timeout waits out a short lock.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA busy_timeout = 5000');
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR });
  return { db, close: () => client.close() };
}
