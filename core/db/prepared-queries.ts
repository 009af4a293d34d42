/**
 * Drizzle queries built once per database object and run again with new values. Drizzle walks
 * its query builder and writes the SQL text on every call: on the inbound postback path that was
 * a fifth of the busy request thread (three reads a call). A query kept here names its values with
 * `sql.placeholder(name)` and takes them at each run; its SQL text and parameter order never change.
 * Kept per database object (a WeakMap): on Workers a request's own database object builds its own.
 */
const kept = new WeakMap<object, Map<string, unknown>>();

/** The query `build` makes for `db`, built on the first call under `name` and kept. */
export function preparedOnce<D extends object, Q>(db: D, name: string, build: (db: D) => Q): Q {
  let queries = kept.get(db);
  if (!queries) kept.set(db, (queries = new Map()));
  let query = queries.get(name) as Q | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(name, query);
  }
  return query;
}
