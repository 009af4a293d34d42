import { getTableColumns, getTableName, type Column, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client.ts';

/**
 * Fast multi-row inserts for bulk and hot paths (click group commit, event batches, seeds).
 *
 * Drizzle's query builder costs ~65 µs per row, which would dominate a group commit, so rows are
 * encoded with the columns' own drizzle mappers (JSON, timestamps, booleans, defaults) and sent
 * as plain multi-row `INSERT … VALUES (…),(…)` statements in one batch on the driver: one round
 * trip, all-or-nothing. Cloudflare D1 binds at most 100 parameters per statement (libSQL
 * allows 32,766), so statements carry at most `maxParams` values (default: D1's limit).
 */
export const MAX_BOUND_PARAMETERS = 100;

export type SqlValue = string | number | bigint | null | ArrayBuffer | Uint8Array;
export interface Statement {
  sql: string;
  args: SqlValue[];
}

interface LibsqlLike {
  batch(statements: Statement[], mode?: string): Promise<unknown>;
}
interface D1Like {
  prepare(sql: string): { bind(...args: SqlValue[]): unknown };
  batch(statements: unknown[]): Promise<unknown>;
}

function encode(column: Column, value: unknown): SqlValue {
  if (value === undefined) {
    const withDefaults = column as Column & { defaultFn?: () => unknown; default?: unknown };
    if (withDefaults.defaultFn) value = withDefaults.defaultFn();
    else if (withDefaults.default !== undefined) value = withDefaults.default;
    else return null;
  }
  if (value === null) return null;
  const mapped = column.mapToDriverValue(value) as SqlValue | boolean;
  return typeof mapped === 'boolean' ? (mapped ? 1 : 0) : mapped;
}

export interface InsertPart<T extends SQLiteTable = SQLiteTable> {
  table: T;
  rows: Array<T['$inferInsert']>;
  onConflictDoNothing?: boolean;
  /**
   * Counter rows: on a clash of the unique key `keys`, add the new row's `add` columns to the
   * stored row's instead (aggregates written in the same batch as the rows they count).
   */
  onConflictAdd?: { keys: string[]; add: string[] };
  /**
   * Inserts the rows only while this condition holds when the statement runs (`insert … select …
   * where`): later parts of one batch can depend on an earlier part's outcome, e.g. a bill's lines
   * go in only if this attempt's bill row did.
   */
  onlyIf?: SQL;
}

function conflictClause(table: SQLiteTable, part: InsertPart): string {
  if (part.onConflictDoNothing) return ' on conflict do nothing';
  if (!part.onConflictAdd) return '';
  const columns = getTableColumns(table) as Record<string, Column>;
  const name = (key: string) => `"${columns[key]!.name}"`;
  const target = part.onConflictAdd.keys.map(name).join(', ');
  const sums = part.onConflictAdd.add.map((k) => `${name(k)} = ${name(k)} + excluded.${name(k)}`).join(', ');
  return ` on conflict (${target}) do update set ${sums}`;
}

function buildStatements(part: InsertPart, maxParams: number): Statement[] {
  const { table, rows } = part;
  const entries = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
  const guard = part.onlyIf ? dialect.sqlToQuery(part.onlyIf) : null;
  const guardArgs = (guard?.params ?? []) as SqlValue[];
  const perStatement = Math.max(1, Math.floor((maxParams - guardArgs.length) / entries.length));
  const columns = `insert into "${getTableName(table)}" (${entries.map(([, c]) => `"${c.name}"`).join(', ')}) `;
  const head = guard ? `${columns}select * from (values ` : `${columns}values `;
  const tuple = `(${entries.map(() => '?').join(', ')})`;
  const tail = (guard ? `) where ${guard.sql}` : '') + conflictClause(table, part);
  const statements: Statement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const args: SqlValue[] = [];
    for (const row of chunk)
      for (const [key, column] of entries) args.push(encode(column, (row as Record<string, unknown>)[key]));
    args.push(...guardArgs);
    statements.push({ sql: head + Array.from({ length: chunk.length }, () => tuple).join(', ') + tail, args });
  }
  return statements;
}

/** Any drizzle query not yet run (an update, say) joins the same batch through its SQL. */
export interface QueryPart {
  query: { toSQL(): { sql: string; params: unknown[] } };
}

const dialect = new SQLiteSyncDialect();

/**
 * A statement written in `sql` as a batch part. (Drizzle's own `db.batch([db.run(sql)])` fails on
 * D1, drizzle-orm issue #2277: raw SQL items have no prepared statement to bind.)
 */
export function rawStatement(query: SQL): QueryPart {
  return { query: { toSQL: () => dialect.sqlToQuery(query) } };
}

/**
 * Writes several tables in one batch: all of it or none (e.g. a conversion's update, the
 * deliveries it owes and their jobs).
 */
export async function insertManyAtomically(
  db: Db,
  parts: Array<InsertPart | QueryPart>,
  options: { maxParams?: number | undefined } = {},
): Promise<void> {
  const statements = batchStatements(parts, options);
  if (statements.length === 0) return;
  const client = (db as unknown as { $client: LibsqlLike | D1Like }).$client;
  if ('prepare' in client) await client.batch(statements.map((s) => client.prepare(s.sql).bind(...s.args)));
  else await client.batch(statements, 'write');
}

/** The SQL statements a batch of parts runs, in order (for a runner of its own: see edge/libsql.ts). */
export function batchStatements(
  parts: Array<InsertPart | QueryPart>,
  options: { maxParams?: number | undefined } = {},
): Statement[] {
  return parts.flatMap((p): Statement[] => {
    if ('query' in p) {
      const { sql, params } = p.query.toSQL();
      return [{ sql, args: params.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v) as SqlValue) }];
    }
    return p.rows.length > 0 ? buildStatements(p, options.maxParams ?? MAX_BOUND_PARAMETERS) : [];
  });
}

export async function insertMany<T extends SQLiteTable>(
  db: Db,
  table: T,
  rows: Array<T['$inferInsert']>,
  options: { maxParams?: number | undefined; onConflictDoNothing?: boolean } = {},
): Promise<void> {
  await insertManyAtomically(
    db,
    [{ table, rows, ...(options.onConflictDoNothing ? { onConflictDoNothing: true } : {}) } as InsertPart],
    options,
  );
}
