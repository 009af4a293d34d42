/**
 * The database writer thread's side (Node): owns a connection of its own (edge/statement-batcher.ts,
 * its statements kept prepared) and commits each batch it is sent, in the order sent, answering
 * each with its id once committed, or with the error after rolling back. The request thread only
 * encodes the rows; SQLite's work (binding, the B-tree, the WAL write and fsync) runs here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Statement } from '../core/db/insert-many.ts';
import { openStatementBatcher } from './statement-batcher.ts';
import type { WriterError, WriterReply, WriterRequest } from './threaded-batcher.ts';

const { url, synchronous } = workerData as { url: string; synchronous: 'normal' | 'full' };
const batcher = openStatementBatcher(url, { synchronous });
if (!batcher) throw new Error(`The writer thread needs a database file, got ${url}`);
const port = parentPort!;
/** The SQL texts this thread was sent, by number (see WriterRequest). */
const texts = new Map<number, string>();

port.on('message', (request: WriterRequest) => {
  if (request.type === 'close') {
    batcher.close();
    // Node: a closed port lets the thread end. Deno's port has no close(): its worker closes itself.
    if (typeof port.close === 'function') port.close();
    else (globalThis as unknown as { close(): void }).close();
    return;
  }
  if (request.forget) texts.clear();
  for (const [text, sql] of request.texts ?? []) texts.set(text, sql);
  const groups = request.groups.map((group) =>
    group.map(([text, args]): Statement => ({ sql: texts.get(text)!, args })),
  );
  let reply: WriterReply;
  try {
    if (request.separate)
      reply = { id: request.id, outcomes: batcher.runGroups(groups).map((e) => (e ? shape(e) : null)) };
    else {
      batcher.run(groups.flat());
      reply = { id: request.id };
    }
  } catch (error) {
    reply = { id: request.id, error: shape(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });

function shape(error: unknown): WriterError {
  const { message, code } = error as { message?: string; code?: string };
  return { message: message ?? String(error), code };
}
