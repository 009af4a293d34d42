/**
 * A stand-in CPA network for the demo only (Node and Deno, like the demo tracker): the demo
 * operator's "Demo CPA network" connection pushes its leads here and polls statuses from here,
 * through a host name pinned to this server. Its API is invented for the demo and documented in
 * the README as the worked example of an adapter: `X-Api-Key` authentication, `POST
 * /demo/network/api/leads` (JSON; a phone seen before is a 409 duplicate), `GET
 * /demo/network/api/orders?from&to&page` (orders changed in the window, 20 a page). Each page-1
 * poll moves every open order one step (new → hold → confirmed, declined or spam), so statuses
 * move each time the operator presses "Sync now". `/demo/network` shows the orders. State is
 * kept in a JSON file beside the database, so a restart keeps the orders the leads point at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { HostPins } from '../core/modules/postbacks/outbound.ts';

export const DEMO_NETWORK_HOST = 'network.kabinet-demo.test';
export const DEMO_NETWORK_PATH = '/demo/network/';
/** The demo connection's API token (the seed sets it; the network checks it). */
export const DEMO_NETWORK_KEY = 'demo-network-key-7f3a91';
const PAGE_SIZE = 20;

/** The pin that lets this server's own requests reach the demo network (this port, its path only). */
export const demoNetworkPin = (port: number): HostPins => ({
  [DEMO_NETWORK_HOST]: { address: '127.0.0.1', port, pathPrefix: DEMO_NETWORK_PATH },
});

interface DemoOrder {
  id: string;
  sub: string;
  stream: string;
  name: string;
  phone: string;
  status: 'new' | 'hold' | 'confirmed' | 'declined' | 'spam';
  payout: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Where an open order goes next; the final status is fixed by the order number (6 of 10 confirmed). */
function nextStep(order: DemoOrder): Pick<DemoOrder, 'status' | 'payout'> | null {
  if (order.status === 'new') return { status: 'hold', payout: null };
  if (order.status !== 'hold') return null;
  const n = Number(order.id.replace(/\D/g, '')) % 10;
  if (n < 6) return { status: 'confirmed', payout: n % 2 ? '32.00' : '28.50' };
  return n < 9 ? { status: 'declined', payout: null } : { status: 'spam', payout: null };
}

const orderRow = (o: DemoOrder) =>
  html`<tr><td>${o.id}</td><td><code>${o.sub}</code></td><td>${o.stream}</td><td>${o.status}</td>
    <td>${o.payout ? `${o.payout} EUR` : '—'}</td><td>${new Date(o.updatedAt).toISOString()}</td></tr>`;

export function createDemoNetwork(options: { stateFile?: string } = {}) {
  let orders: DemoOrder[] = [];
  try {
    if (options.stateFile) orders = JSON.parse(readFileSync(options.stateFile, 'utf8')) as DemoOrder[];
  } catch {
    orders = [];
  }
  const save = () => {
    if (!options.stateFile) return;
    mkdirSync(dirname(options.stateFile), { recursive: true });
    writeFileSync(options.stateFile, JSON.stringify(orders));
  };
  const network = new Hono();
  network.use('/demo/network/api/*', async (c, next) => {
    if (c.req.header('x-api-key') !== DEMO_NETWORK_KEY) return c.json({ error: 'invalid api key' }, 401);
    await next();
  });
  network.post('/demo/network/api/leads', async (c) => {
    const lead = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    const phone = typeof lead?.phone === 'string' ? lead.phone.replace(/\D/g, '') : '';
    const sub = typeof lead?.sub1 === 'string' ? lead.sub1 : '';
    if (!phone || !sub) return c.json({ error: 'phone and sub1 are required' }, 422);
    if (orders.some((o) => o.phone === phone)) return c.json({ error: 'duplicate' }, 409);
    const now = Date.now();
    const order: DemoOrder = {
      id: `DN-${1001 + orders.length}`,
      sub,
      stream: String(lead?.stream ?? ''),
      name: String(lead?.name ?? ''),
      phone,
      status: 'new',
      payout: null,
      createdAt: now,
      updatedAt: now,
    };
    orders.push(order);
    save();
    return c.json({ ok: true, data: { order_id: order.id } });
  });
  network.get('/demo/network/api/orders', (c) => {
    const from = Date.parse(c.req.query('from') ?? '');
    const to = Date.parse(c.req.query('to') ?? '');
    const page = Number(c.req.query('page') ?? '1');
    if (Number.isNaN(from) || Number.isNaN(to) || !(page >= 1))
      return c.json({ error: 'from, to (ISO 8601) and page (from 1) are required' }, 422);
    if (page === 1) {
      // A new poll: every open order moves one step, reported as of the window's end.
      for (const order of orders) {
        const step = nextStep(order);
        if (step) Object.assign(order, step, { updatedAt: to });
      }
      save();
    }
    const changed = orders.filter((o) => o.updatedAt >= from && o.updatedAt <= to);
    const items = changed.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((o) => ({
      order: { id: o.id },
      sub_id1: o.sub,
      state: o.status,
      money: o.payout === null ? null : { amount: o.payout, currency: 'EUR' },
    }));
    return c.json({ result: { items, total: changed.length } });
  });
  network.get('/demo/network', (c) =>
    c.html(html`<!doctype html><html lang="en"><meta charset="utf-8"><title>Demo CPA network</title>
<style>body{font:14px system-ui;margin:2rem}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}</style>
<h1>Demo CPA network: orders</h1><p>Leads the demo operator pushed here, with the status each poll reports (each poll moves open orders one step).</p>
<table><tr><th>Order</th><th>Sub id (visit)</th><th>Stream</th><th>Status</th><th>Payout</th><th>Updated</th></tr>
${orders.toReversed().map(orderRow)}
</table></html>`),
  );
  return network;
}
