/**
 * A stand-in CPA network on loopback, written for the tests (no real network's API is known to
 * these tests; the seed gives none): it takes leads (POST /api/leads, JSON), answers a duplicate
 * phone with 409, and lists orders changed in a time window (GET /api/orders) paged by page
 * number, offset or next-page token. Each test sets how requests must authenticate and can make
 * the next answers fail (malformed JSON, slow, 429).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_TRACKER_HOST } from './test-app.ts';

export interface StandInOrder {
  id: string;
  sub: string;
  status: string;
  payout: string | null;
  currency: string | null;
  updatedAt: number;
  phone?: string;
}

export interface StandInRequest {
  /** When it arrived (the real clock: the sync spaces its requests in real time). */
  arrivedAt: number;
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Fault = 'malformed' | 'slow' | { status: 429; retryAfter: string } | { status: number; location?: string };

export interface StandInOptions {
  /** null: accepted; a string: refused with 401 and this reason. */
  authenticate: (request: StandInRequest) => string | null;
  paging: 'page' | 'offset' | 'token' | 'none';
  pageSize?: number;
  /** The network's clock (the tests' manual clock, so windows and changes agree). */
  now: () => number;
  /** Every answer waits this long (so concurrent syncs would overlap). */
  delayMs?: number;
}

export async function startStandInNetwork(options: StandInOptions) {
  const orders: StandInOrder[] = [];
  const requests: StandInRequest[] = [];
  const faults: Fault[] = [];
  let nextOrder = 1000;
  const pageSize = options.pageSize ?? 2;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => setTimeout(answer, options.delayMs ?? 0));
    const answer = () => {
      const request = {
        arrivedAt: Date.now(),
        method: req.method!,
        url: new URL(req.url!, 'http://stand-in'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(request);
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      const fault = faults.shift();
      if (fault === 'slow') return void setTimeout(() => json(200, { data: [] }), 3000);
      if (fault === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('<html>maintenance</html>');
      }
      if (fault && 'retryAfter' in fault) return json(429, { error: 'slow down' }, { 'retry-after': fault.retryAfter });
      if (fault) return json(fault.status, { error: 'fault' }, fault.location ? { location: fault.location } : {});
      const refused = options.authenticate(request);
      if (refused) return json(401, { error: refused });
      if (request.url.pathname === '/api/leads' && request.method === 'POST') {
        const lead = JSON.parse(request.body) as { phone: string; sub1: string; stream: string };
        if (orders.some((o) => o.phone === lead.phone)) return json(409, { error: 'duplicate' });
        const order = {
          id: String(nextOrder++),
          sub: lead.sub1,
          status: 'new',
          payout: null,
          currency: null,
          updatedAt: options.now(),
          phone: lead.phone,
        };
        orders.push(order);
        return json(200, { ok: true, data: { order_id: order.id } });
      }
      if (request.url.pathname === '/api/orders') {
        const from = Date.parse(request.url.searchParams.get('from') ?? '');
        const to = Date.parse(request.url.searchParams.get('to') ?? '');
        const inWindow = orders.filter((o) => o.updatedAt >= from && o.updatedAt <= to);
        const start =
          options.paging === 'page'
            ? (Number(request.url.searchParams.get('page')) - 1) * pageSize
            : options.paging === 'offset'
              ? Number(request.url.searchParams.get('offset'))
              : options.paging === 'token'
                ? Number(request.url.searchParams.get('cursor') || '0')
                : 0;
        const size = options.paging === 'none' ? inWindow.length : pageSize;
        const page = inWindow.slice(start, start + size);
        const items = page.map((o) => ({
          order: { id: o.id },
          sub_id1: o.sub,
          state: o.status,
          money: o.payout === null ? null : { amount: o.payout, currency: o.currency },
        }));
        const more = start + size < inWindow.length;
        return json(200, {
          result: { items },
          ...(options.paging === 'token' ? { next: more ? String(start + size) : null } : {}),
        });
      }
      json(404, { error: 'no such endpoint' });
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    orders,
    requests,
    faults,
    /** Base URL under the pinned test host name (the SSRF guard refuses IP literals). */
    base: `http://${TEST_TRACKER_HOST}:${port}`,
    addOrder(order: Omit<StandInOrder, 'updatedAt'> & { updatedAt?: number }) {
      orders.push({ updatedAt: options.now(), ...order });
    },
    setStatus(id: string, status: string, payout: string | null = null, currency: string | null = null) {
      const order = orders.find((o) => o.id === id)!;
      Object.assign(order, { status, payout, currency, updatedAt: options.now() });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
