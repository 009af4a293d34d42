/**
 * kill -9 in the middle of click traffic: every click the server answered with a 302 is in the
 * database afterwards (the 302 waits for the click's commit), on both `synchronous` settings
 * with the writer thread, and with the inline writer. Clicks in flight when the process died may
 * be stored or not; none answered is lost.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { partnerWithCampaign } from './helpers/campaign.ts';
import { databaseFileUrl, startKabinetServer } from './helpers/processes.ts';
import { createTestApp } from './helpers/test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let code = '';
beforeAll(async () => {
  t = await createTestApp();
  const { trackingLink } = await partnerWithCampaign(t);
  code = new URL(trackingLink).pathname.split('/').pop()!;
});
afterAll(() => t.dispose());

/** Clicks from `connections` loops until the server stops answering; `answered` collects the click ids it answered. */
async function clickUntilDead(base: string, label: string, connections: number, answered: string[]): Promise<void> {
  let n = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (;;) {
        const id = `${label}-${n++}`;
        try {
          const res = await fetch(`${base}/t/${code}?clickID=${id}`, {
            redirect: 'manual',
            headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36' },
          });
          await res.arrayBuffer();
          if (res.status === 302) answered.push(id);
        } catch {
          return; // the server is gone
        }
      }
    }),
  );
}

const settings = [
  { writer: 'thread', synchronous: 'normal' },
  { writer: 'thread', synchronous: 'full' },
  { writer: 'inline', synchronous: 'full' },
] as const;
for (const { writer, synchronous } of settings) {
  it(`keeps every answered click through kill -9 (${writer} writer, synchronous=${synchronous})`, {
    timeout: 60_000,
  }, async () => {
    const server = await startKabinetServer(await databaseFileUrl(t.deps.db), {
      KABINET_SQLITE_SYNCHRONOUS: synchronous,
      KABINET_DB_WRITER: writer,
    });
    const answered: string[] = [];
    const traffic = clickUntilDead(server.base, `${writer}-${synchronous}`, 16, answered);
    // Killed once the writer is committing at full speed (it starts with the first click: on a loaded
    // machine that can take seconds), a little after the 200th answer.
    const deadline = Date.now() + 30_000;
    while (answered.length < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    process.kill(-server.child.pid!, 'SIGKILL');
    await traffic;
    expect(answered.length).toBeGreaterThan(100);
    const stored = await t.deps.db.all<{ id: string }>(
      sql`select value as id from clicks, json_each(clicks.params) where json_extract(json_each.value, '$[0]') = 'clickID'`,
    );
    const ids = new Set(stored.map((row) => JSON.parse(row.id as string)[1] as string));
    const lost = answered.filter((id) => !ids.has(id));
    expect(lost).toEqual([]);
  });
}
