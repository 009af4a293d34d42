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

/** A table's columns and its statements' fixed text, worked out once per table (hot paths insert the same tables over and over). */
interface TableShape {
  entries: Array<[string, Column]>;
  columns: string;
  tuple: string;
  /** Conflict clauses by the part's conflict rule (its text, or the very rule object). */
  conflicts: Map<string | object, string>;
  /** Unguarded insert texts by conflict clause and row count (textOf). */
  texts: Map<string, Map<number, string>>;
}
const shapes = new WeakMap<SQLiteTable, TableShape>();

function shapeOf(table: SQLiteTable): TableShape {
  let shape = shapes.get(table);
  if (!shape) {
    const entries = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
    shape = {
      entries,
      columns: `insert into "${getTableName(table)}" (${entries.map(([, c]) => `"${c.name}"`).join(', ')}) `,
      tuple: `(${entries.map(() => '?').join(', ')})`,
      conflicts: new Map(),
      texts: new Map(),
    };
    shapes.set(table, shape);
  }
  return shape;
}

function conflictOf(shape: TableShape, table: SQLiteTable, part: InsertPart): string {
  if (part.onConflictAdd) {
    // Counter parts keep one rule object per table (statistics' cubes): known by identity.
    const known = shape.conflicts.get(part.onConflictAdd);
    if (known !== undefined) return known;
  }
  const rule = part.onConflictDoNothing ? 'nothing' : part.onConflictAdd ? JSON.stringify(part.onConflictAdd) : '';
  let clause = shape.conflicts.get(rule);
  if (clause === undefined) {
    clause = conflictClause(table, part);
    shape.conflicts.set(rule, clause);
  }
  if (part.onConflictAdd) shape.conflicts.set(part.onConflictAdd, clause);
  return clause;
}

const tuples = (tuple: string, rows: number) => tuple + `, ${tuple}`.repeat(rows - 1);

/**
 * An unguarded insert's text for this many rows, kept per table and conflict clause: the same
 * string object each time, so the writer thread's lookup of texts it was sent (and SQLite's
 * statement cache) finds it without hashing a new string of a few thousand characters.
 */
function textOf(shape: TableShape, tail: string, rows: number): string {
  // The tail is the conflict clause conflictOf keeps: the same string object, its hash known.
  let byRows = shape.texts.get(tail);
  if (!byRows) shape.texts.set(tail, (byRows = new Map()));
  let text = byRows.get(rows);
  if (text === undefined) {
    text = `${shape.columns}values ${tuples(shape.tuple, rows)}${tail}`;
    // Bounded: a batch's row count changes its text; past the bound this clause starts afresh.
    if (byRows.size >= 512) byRows.clear();
    byRows.set(rows, text);
  }
  return text;
}

function buildStatements(part: InsertPart, maxParams: number): Statement[] {
  const { table, rows } = part;
  const shape = shapeOf(table);
  const { entries, tuple } = shape;
  const guard = part.onlyIf ? dialect.sqlToQuery(part.onlyIf) : null;
  const guardArgs = (guard?.params ?? []) as SqlValue[];
  const perStatement = Math.max(1, Math.floor((maxParams - guardArgs.length) / entries.length));
  const head = guard ? `${shape.columns}select * from (values ` : `${shape.columns}values `;
  const conflict = conflictOf(shape, table, part);
  const tail = guard ? `) where ${guard.sql}${conflict}` : conflict;
  const statements: Statement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const args: SqlValue[] = [];
    for (const row of chunk)
      for (const [key, column] of entries) args.push(encode(column, (row as Record<string, unknown>)[key]));
    args.push(...guardArgs);
    statements.push({
      sql: guard ? head + tuples(tuple, chunk.length) + tail : textOf(shape, tail, chunk.length),
      args,
    });
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

/** Where a database's atomic batches are committed instead of on its own client (see commitBatchesThrough). */
const batchCommitters = new WeakMap<object, (statements: Statement[]) => Promise<void>>();

/**
 * Sends every atomic batch of `db` to `commit` from now on (null: back to the client's own batch).
 * Node and Deno pass the writer thread's group commit (edge/boot.ts): each caller's batch becomes
 * a savepoint of a transaction shared with every batch that arrived meanwhile, committed (and
 * fsynced) once, and the caller is answered after that commit, with its own batch's error if it
 * had one. So postbacks in, events and delivery results stop paying a commit each.
 */
export function commitBatchesThrough(db: Db, commit: ((statements: Statement[]) => Promise<void>) | null): void {
  if (commit) batchCommitters.set(db, commit);
  else batchCommitters.delete(db);
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
  const through = batchCommitters.get(db);
  if (through) return through(statements);
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
