/**
 * The group commit's schedule, with a commit the test settles by hand (the commits themselves are
 * real elsewhere: edge/threaded-batcher.test.ts, tests/click-kill.test.ts): one batch at a time by
 * default; with `pipeline: 2` a second batch goes out while the first commits; every click is
 * answered only after its own batch's commit, a failed batch fails its own clicks only, and
 * drain() waits for everything queued and committing.
 */
import { expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import type { InsertPart } from '../../db/insert-many.ts';
import { createGroupCommitWriter, type ClickRow } from './click-writer.ts';

function harness(pipeline?: number) {
  const commits: Array<{ ids: string[]; done: () => void; fail: (e: Error) => void }> = [];
  const writer = createGroupCommitWriter(null as unknown as Db, {
    ...(pipeline ? { pipeline } : {}),
    parts: (rows) => [{ table: null as never, rows }],
    commit: (parts: InsertPart[]) =>
      new Promise<void>((done, fail) =>
        commits.push({ ids: (parts[0]!.rows as ClickRow[]).map((r) => r.id!), done, fail }),
      ),
  });
  const answered: string[] = [];
  const write = (id: string) =>
    writer.write({ id } as ClickRow).then(
      () => answered.push(`${id} ok`),
      (e: Error) => answered.push(`${id} ${e.message}`),
    );
  return { writer, commits, answered, write };
}
const turn = () => new Promise((resolve) => setImmediate(resolve));

it('commits one batch at a time by default, the clicks that came meanwhile together next', async () => {
  const { commits, answered, write } = harness();
  void write('a');
  void write('b');
  await turn();
  void write('c');
  void write('d');
  await turn();
  expect(commits.map((c) => c.ids)).toEqual([['a', 'b']]);
  commits[0]!.done();
  await turn();
  expect(answered).toEqual(['a ok', 'b ok']);
  expect(commits.map((c) => c.ids)).toEqual([
    ['a', 'b'],
    ['c', 'd'],
  ]);
});

it('with pipeline 2 sends a second batch while the first commits; each answered after its own commit', async () => {
  const { writer, commits, answered, write } = harness(2);
  void write('a');
  await turn();
  void write('b');
  await turn();
  void write('c');
  await turn();
  // Two in flight; c waits for one of them to end.
  expect(commits.map((c) => c.ids)).toEqual([['a'], ['b']]);
  commits[1]!.fail(new Error('disk full'));
  await turn();
  expect(answered).toEqual(['b disk full']);
  expect(commits.map((c) => c.ids)).toEqual([['a'], ['b'], ['c']]);
  let drained = false;
  void writer.drain().then(() => (drained = true));
  commits[0]!.done();
  await turn();
  expect(answered).toEqual(['b disk full', 'a ok']);
  expect(drained).toBe(false);
  commits[2]!.done();
  await turn();
  expect(answered).toEqual(['b disk full', 'a ok', 'c ok']);
  expect(drained).toBe(true);
});
