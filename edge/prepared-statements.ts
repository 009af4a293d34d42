/**
 * Statements kept prepared under @libsql/client on Node and Deno. Its embedded driver prepares
 * every statement anew, asks it for its columns twice, and finds whether a write returns rows by
 * catching an exception: in the inbound postback bench that was a fifth of the server's CPU
 * (prepare 9.8%, columns 6.4%, the failed raw() 2.3%). Patched once on libsql's Database class
 * (the one @libsql/client constructs), each connection keeps its 512 most recently used statements
 * with their columns and whether they read, and the client's own code runs unchanged over them:
 * its calls are synchronous from prepare to the last row, so a kept statement is never in use twice.
 * A kept statement stays valid across schema changes (SQLite prepares it again by itself); the
 * columns kept are those of the first use, which no query of ours changes (none selects `*`).
 */
import Database from 'libsql';

const KEPT_PER_CONNECTION = 512;
/** Thrown by raw() of a statement that returns no rows, as libsql's own raw() would (the client only catches it). */
const NOT_A_READER = new TypeError('The statement does not return data');

interface KeptStatement {
  readonly reader: boolean;
  columns(): unknown[];
  raw(on?: boolean): KeptStatement;
}
type Prepare = (this: object, sql: string) => KeptStatement;

let patched = false;

export function keepStatementsPrepared(): void {
  if (patched) return;
  patched = true;
  const proto = Database.prototype as unknown as { prepare: Prepare };
  const prepare = proto.prepare;
  const kept = new WeakMap<object, Map<string, KeptStatement>>();
  proto.prepare = function keptPrepare(sql) {
    let statements = kept.get(this);
    if (!statements) kept.set(this, (statements = new Map()));
    let statement = statements.get(sql);
    if (statement) statements.delete(sql);
    else {
      statement = remember(prepare.call(this, sql));
      if (statements.size >= KEPT_PER_CONNECTION) statements.delete(statements.keys().next().value!);
    }
    // Most recently used last: the Map's order is the eviction order.
    statements.set(sql, statement);
    return statement;
  };
}

/** A fresh statement that answers columns() and raw() from what it learned once. */
function remember(statement: KeptStatement): KeptStatement {
  const reader = statement.reader;
  const columns = statement.columns.bind(statement);
  const raw = statement.raw.bind(statement);
  let known: unknown[] | undefined;
  statement.columns = () => (known ??= columns());
  statement.raw = (on) => {
    if (!reader) throw NOT_A_READER;
    raw(on);
    return statement;
  };
  return statement;
}
