/**
 * The click bench's variants of Kabinet: edge/node.ts as it is, except for its click writer.
 * - BENCH_CLICK_STORE=clicks (the default): it commits the raw clicks alone, without the
 *   aggregates each click adds (createGroupCommitWriter's `parts` option). Side by side with the
 *   real server it shows what the aggregates cost a tracking link.
 * - BENCH_CLICK_STORE=none: it stores nothing and answers at once: the request thread's own work
 *   (routing, the promo lookup, the user agent, ids, the Location) without any commit to wait for.
 * Bench only: no production server runs this way (its reports would miss these clicks).
 */
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { readServerConfig } from '../../edge/config.ts';
import { banner, boot } from '../../edge/boot.ts';
import { createSite } from '../../edge/site.ts';
import { createGroupCommitWriter } from '../../core/modules/tracking/click-writer.ts';
import { clicks } from '../../core/modules/tracking/table.ts';

const config = readServerConfig(process.env);
const kabinet = await boot(config, 'node', {
  env: process.env,
  clientIp: (c) => getConnInfo(c).remote.address ?? null,
});
// The app reads deps.tracking on every request: the swap takes effect for every click after boot.
const store = process.env.BENCH_CLICK_STORE ?? 'clicks';
if (store !== 'clicks' && store !== 'none') throw new Error(`BENCH_CLICK_STORE: clicks or none, not ${store}`);
kabinet.deps.tracking.writer =
  store === 'none'
    ? { write: async () => {}, drain: async () => {} }
    : createGroupCommitWriter(kabinet.deps.db, {
        parts: (rows) => [{ table: clicks, rows }],
        commit: kabinet.commitClicks,
        pipeline: kabinet.clickPipeline,
      });
const site = createSite(kabinet.app, serveStatic, { demo: kabinet.demo });
const server = serve({ fetch: site.fetch, port: config.port, hostname: config.host }, () => {
  console.log(
    banner(
      config,
      `Node ${process.version} (bench: ${store === 'none' ? 'clicks not stored' : 'clicks without aggregates'})`,
      kabinet.seeded,
    ),
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void kabinet.shutdown().then(() => process.exit(0));
  });
}
