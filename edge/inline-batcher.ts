/**
 * The database writer on the request thread (KABINET_DB_WRITER=inline): the same prepared
 * connection and the same commits as the writer thread (edge/statement-batcher.ts), run where
 * the caller is, with no message to another thread and back. Each commit blocks this thread while
 * it runs (its fsync included), and so does waiting for another process's write lock on the same
 * database (up to the connection's 5 s): it pays where the thread has time to spare and a spare
 * core does not. On the 2-core bench machine the redirect measured 10–13% faster this way (README).
 */
import type { Statement } from '../core/db/insert-many.ts';
import { openStatementBatcher } from './statement-batcher.ts';
import type { DatabaseWriter, Synchronous } from './threaded-batcher.ts';

/** An inline writer on the database file `url` names, or null for anything else (remote libSQL, :memory:). */
export function openInlineWriter(url: string, options: { synchronous: Synchronous }): DatabaseWriter | null {
  const batcher = openStatementBatcher(url, options);
  if (!batcher) return null;
  let closed = false;
  const open = () => {
    if (closed) throw new Error('The database writer is closing');
    return batcher;
  };
  return {
    async run(statements: Statement[]) {
      open().run(statements);
    },
    async runGroups(groups: Statement[][]) {
      return open().runGroups(groups);
    },
    async close() {
      if (closed) return;
      closed = true;
      batcher.close();
    },
  };
}
