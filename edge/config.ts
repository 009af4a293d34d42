/** Settings the Node and Deno entries read from the environment, with the documented defaults. */
import { DEFAULT_DATABASE_URL } from './libsql.ts';
import { readReportRetentionDays } from '../core/modules/requested-reports/retention.ts';

export interface ServerConfig {
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  host: string;
  port: number;
  seed: 'demo' | 'none';
  /** Base URL for links in emails (KABINET_PUBLIC_URL; default http://HOST:PORT). */
  publicUrl: string;
  /** A TLS-terminating proxy in front sets X-Forwarded-Proto and we believe it (KABINET_TRUST_PROXY). */
  trustProxy: boolean;
  /** Where generated files (requested reports) are kept (KABINET_FILES_DIR; default `files` beside a `file:` database, else ./data/files). */
  filesDir: string;
  /** Days a requested report's file is kept after it is built (KABINET_REPORT_RETENTION_DAYS; default 7). */
  reportRetentionDays: number;
  /**
   * SQLite's `synchronous` on the click writer's connection (KABINET_SQLITE_SYNCHRONOUS: full, the
   * default, or normal). In WAL mode both keep every answered click through a crash of the process
   * (kill -9); only FULL also keeps the last commits through a power loss or an OS crash.
   */
  sqliteSynchronous: 'normal' | 'full';
  /**
   * Where a file database's hot writes commit (KABINET_DB_WRITER): `thread`, the default, on a
   * writer thread of their own, or `inline` on the thread that serves HTTP (see edge/boot.ts).
   */
  databaseWriter: 'thread' | 'inline';
}

/**
 * KABINET_TRUST_PROXY=1: only when every request reaches us through a proxy that overwrites
 * X-Forwarded-Proto; otherwise any caller could claim HTTPS. Default 0. (The Workers entry reads
 * the same variable itself: it cannot import this file, which pulls in the Node libSQL client.)
 */
export function readTrustProxy(env: Record<string, string | undefined>): boolean {
  const value = env.KABINET_TRUST_PROXY?.trim() || '0';
  if (value !== '0' && value !== '1')
    throw new Error(`KABINET_TRUST_PROXY must be 1 or 0, got "${env.KABINET_TRUST_PROXY}"`);
  return value === '1';
}

export function readSqliteSynchronous(env: Record<string, string | undefined>): 'normal' | 'full' {
  const value = env.KABINET_SQLITE_SYNCHRONOUS?.trim().toLowerCase() || 'full';
  if (value !== 'normal' && value !== 'full')
    throw new Error(`KABINET_SQLITE_SYNCHRONOUS must be "full" or "normal", got "${env.KABINET_SQLITE_SYNCHRONOUS}"`);
  return value;
}

export function readDatabaseWriter(env: Record<string, string | undefined>): 'thread' | 'inline' {
  const value = env.KABINET_DB_WRITER?.trim().toLowerCase() || 'thread';
  if (value !== 'thread' && value !== 'inline')
    throw new Error(`KABINET_DB_WRITER must be "thread" or "inline", got "${env.KABINET_DB_WRITER}"`);
  return value;
}

/** The `files` directory beside a `file:` database; ./data/files for a remote one. */
function filesDirBeside(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) return './data/files';
  const path = databaseUrl.slice('file:'.length).split('?')[0]!;
  const slash = path.lastIndexOf('/');
  return `${slash < 0 ? '.' : path.slice(0, slash) || '/'}/files`;
}

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const seed = env.KABINET_SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new Error(`KABINET_SEED must be "demo" or "none", got "${seed}"`);
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  return {
    databaseUrl,
    filesDir: env.KABINET_FILES_DIR?.trim() || filesDirBeside(databaseUrl),
    reportRetentionDays: readReportRetentionDays(env),
    sqliteSynchronous: readSqliteSynchronous(env),
    databaseWriter: readDatabaseWriter(env),
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    host: env.HOST || '127.0.0.1',
    port,
    seed,
    trustProxy: readTrustProxy(env),
    publicUrl: (
      env.KABINET_PUBLIC_URL || `http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1'}:${port}`
    ).replace(/\/+$/, ''),
  };
}
