/**
 * A stand-in for a partner's own tracker, for the demo only: the seeded demo postbacks point at
 * it (through a host name pinned to this server), so a demo partner sees real deliveries with
 * real response codes in the postback log, and `/demo/tracker` shows what arrived.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { inArray } from 'drizzle-orm';
import type { Db } from '../core/db/client.ts';
import { operators } from '../core/modules/operators/table.ts';
import type { HostPins } from '../core/modules/postbacks/outbound.ts';

/** The pinned host name demo postbacks use (pinned to this server where the demo data is). */
export const DEMO_TRACKER_HOST = 'tracker.kabinet-demo.test';
/** The only path the pin reaches: the tracker's own routes, not the rest of this server. */
export const DEMO_TRACKER_PATH = '/demo/tracker/';

/**
 * The pin that lets the demo partners' postbacks reach this server's demo tracker: this server's
 * port and DEMO_TRACKER_PATH only, and only where the demo data is — the demo operators exist, or
 * the database is empty and the demo seed is about to run (the caller asks only with
 * KABINET_SEED=demo). A real install that merely left KABINET_SEED at its default gets no pin.
 */
export async function demoTrackerPins(db: Db, port: number, demoOperatorIds: string[]): Promise<HostPins> {
  const empty = (await db.select({ id: operators.id }).from(operators).limit(1)).length === 0;
  const demo =
    empty ||
    (await db.select({ id: operators.id }).from(operators).where(inArray(operators.id, demoOperatorIds)).limit(1))
      .length > 0;
  return demo ? { [DEMO_TRACKER_HOST]: { address: '127.0.0.1', port, pathPrefix: DEMO_TRACKER_PATH } } : {};
}

interface Arrival {
  at: string;
  method: string;
  url: string;
  body: string;
  key: string | null;
  repeat: boolean;
}

export function createDemoTracker() {
  const arrivals: Arrival[] = [];
  const seenKeys = new Set<string>();
  const tracker = new Hono();
  tracker.all('/demo/tracker/postback', async (c) => {
    const key = c.req.header('idempotency-key') ?? null;
    const repeat = key !== null && seenKeys.has(key);
    if (key) seenKeys.add(key);
    arrivals.unshift({
      at: new Date().toISOString(),
      method: c.req.method,
      url: c.req.url,
      body: c.req.method === 'POST' ? await c.req.text() : '',
      key,
      repeat,
    });
    arrivals.length = Math.min(arrivals.length, 200);
    return c.text(repeat ? 'OK (repeat dropped)' : 'OK');
  });
  tracker.get('/demo/tracker', (c) =>
    c.html(html`<!doctype html><html lang="en"><meta charset="utf-8"><title>Demo tracker</title>
<style>body{font:14px system-ui;margin:2rem}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}code{word-break:break-all}</style>
<h1>Demo tracker: postbacks received</h1><p>The newest ${arrivals.length} postbacks this demo server delivered to its stand-in tracker (kept in memory).</p>
<table><tr><th>Received</th><th>Method</th><th>URL and body</th><th>Idempotency-Key</th></tr>
${arrivals.map((a) => html`<tr><td>${a.at}</td><td>${a.method}</td><td><code>${a.url}</code>${a.body ? html`<br><code>${a.body}</code>` : ''}</td><td>${a.key ?? '—'}${a.repeat ? ' (repeat)' : ''}</td></tr>`)}
</table></html>`),
  );
  return tracker;
}
