/**
 * The click writer's thread on Deno (a Deno Worker under node:worker_threads, with the native
 * libsql binding): the script tests/runtime/deno-writer-check.ts runs under the real Deno binary,
 * and this judges what it saw, as edge/threaded-batcher.test.ts does on Node.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('on Deno the writer thread commits whole and in order, fails a dead thread’s batch at once, and drains', async () => {
  const { stdout } = await promisify(execFile)(
    join(root, 'node_modules/.bin/deno'),
    ['run', '-A', join(root, 'tests/runtime/deno-writer-check.ts')],
    { cwd: root, env: { ...process.env, NO_COLOR: '1' }, timeout: 90_000 },
  );
  const seen = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  expect(seen).toMatchObject({ afterFirst: 2, afterFailing: 2, inOrder: true, afterTwenty: 22, newThread: true });
  expect(seen.failing).toMatch(/NOT NULL/);
  // Either the commit won the race with the kill (all 50,000 rows) or the batch was answered as
  // failed. A failed answer is not proof of nothing stored: Deno's terminate() does not stop the
  // native commit already under way, which may still land after the answer (CI16 saw it land
  // before the next batch). Whole or nothing, never part: the doomed rows are 0 or 50,000.
  if (seen.killed === 'committed') expect(seen.afterKill).toBe(50_022);
  else {
    expect(seen.killed).toMatch(/writer thread stopped/);
    expect([22, 50_022]).toContain(seen.afterKill);
  }
  expect([23, 50_023]).toContain(seen.afterNewThread);
  if (seen.killed === 'committed') expect(seen.afterNewThread).toBe(50_023);
  expect(seen.afterClose).toBe((seen.afterNewThread as number) + 30);
  expect(seen.refused).toMatch(/closing/);
}, 120_000);
