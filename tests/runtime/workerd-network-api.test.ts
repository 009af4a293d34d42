/**
 * A network API adapter on Workers: real workerd (edge/worker.ts bundled, Miniflare) on D1. The
 * Worker's outgoing fetches land in a stand-in network written for this test (Miniflare's
 * outbound service): the Cron Trigger's minutely pass syncs the due connection, "sync now"
 * answers its counts, and the polled status becomes a conversion of the demo partner's click.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { startWorkerd } from '../helpers/workerd.ts';

describe('network API on workerd', () => {
  it('the Cron pass and "sync now" poll the network with fetch and move the conversion on D1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kabinet-workerd-net-'));
    const polls: string[] = [];
    let order = { sub: '', state: 'new' };
    const { mf, baseUrl } = await startWorkerd(
      dir,
      (request) => {
        const url = new URL(request.url);
        if (url.hostname !== 'net.workerd.example') return new Response('not here', { status: 404 });
        polls.push(`${request.headers.get('authorization')} ${url.pathname}`);
        const items = order.sub ? [{ order: { id: 'W-1' }, sub_id1: order.sub, state: order.state }] : [];
        return Response.json({ result: { items } });
      },
      { demo: { clicks: 50 } },
    );
    try {
      const demo = DEMO_OPERATORS[0]!;
      const call = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return { status: res.status, body: (await res.json()) as any };
      };
      const connection = await call('POST', '/v1/network_connections', {
        kind: 'network',
        networkKey: 'pladomarket',
        name: 'Plado',
        settings: { bearer_token: 'plado-token-0001' },
      });
      expect(connection.status).toBe(201);
      const saved = await call('PUT', `/v1/network_connections/${connection.body.id}/api`, {
        auth: { style: 'bearer', token: '{{settings.bearer_token}}' },
        statusPoll: {
          url: 'https://net.workerd.example/api/orders{?from,to}',
          itemsPath: '$.result.items[*]',
          orderIdPath: '$.order.id',
          subIdPath: '$.sub_id1',
          statusPath: '$.state',
          statusWords: { sta: 'confirmed' },
        },
      });
      expect(saved.status).toBe(200);
      const location = (await fetch(`${baseUrl}/t/LU0X0KKK?clickID=wk-net`, { redirect: 'manual' })).headers.get(
        'location',
      )!;
      order = { sub: new URL(location).searchParams.get('kb_vid')!, state: 'new' };

      // The Cron Trigger enqueues the minutely pass and runs it: the adapter is due since it was saved.
      const worker = await mf.getWorker();
      await worker.scheduled({ cron: '* * * * *' });
      const conversions = async () =>
        (await call('GET', `/v1/conversions?connectionId=${connection.body.id}`)).body.data as Array<{
          status: string;
          clickId: string;
        }>;
      for (let i = 0; i < 100 && (await conversions()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await conversions()).toMatchObject([{ status: 'hold', clickId: order.sub }]);
      expect(polls[0]).toBe('Bearer plado-token-0001 /api/orders');

      order.state = 'confirmed';
      const synced = await call('POST', `/v1/network_connections/${connection.body.id}/api/sync`);
      expect(synced.body).toMatchObject({ outcome: 'ok', itemsSeen: 1, itemsChanged: 1 });
      expect(await conversions()).toMatchObject([{ status: 'approve', clickId: order.sub }]);
      const log = await call('GET', `/v1/network_connections/${connection.body.id}/api/log`);
      expect(log.body.data.length).toBe(polls.length);
      expect(JSON.stringify(log.body)).not.toContain('plado-token-0001');
    } finally {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
