/**
 * Lucky Spin's "Demo CPA network" connection (Node and Deno demo only: the demo network runs on
 * this server, see demo-network.ts): the catalog's KMA entry (statuses by API only), an offer
 * mapped to a stream, the API adapter written from the demo network's API, and eight leads from
 * recent demo clicks queued for their push (the job runner pushes them once the server is up;
 * one repeats a phone, so the network answers it as a duplicate). "Sync now" in the console then
 * moves their statuses, and each status becomes a conversion of the partner whose click it was.
 */
import { and, desc, eq } from 'drizzle-orm';
import { createOutbox } from '../core/jobs/outbox.ts';
import { withTenant, type TenantContext } from '../core/lib/context.ts';
import { addOffer, createConnection } from '../core/modules/networks/service.ts';
import { saveAdapter } from '../core/modules/network-api/adapter-store.ts';
import { AdapterSchema } from '../core/modules/network-api/adapter.ts';
import { acceptLead } from '../core/modules/network-api/leads.ts';
import { clicks } from '../core/modules/tracking/table.ts';
import { DEMO_NETWORK_KEY } from './demo-network.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';
import type { SeedDeps } from './seed-postbacks.ts';

const LEADS = [
  ['Anna Schmidt', '+49 151 2345 6701'],
  ['James Carter', '+44 7700 900 123'],
  ['Mikko Virtanen', '+358 40 123 4567'],
  ['Olga Smirnova', '+7 912 345-67-89'],
  ['Liam O’Brien', '+353 85 123 4567'],
  ['Sophie Martin', '+49 160 9876 5432'],
  ['Noah Wilson', '+1 416 555 0199'],
  // The same phone as the first lead: the network answers it as a duplicate.
  ['Anna Schmidt', '+49 151 2345 6701'],
] as const;

export async function seedNetworkApi(ctx: SeedDeps, options: { networkBaseUrl: string }) {
  const demo = DEMO_OPERATORS[0]!;
  const tenant = withTenant(
    { ...ctx, jobs: createOutbox(ctx.db, ctx.clock), maxBoundParams: 100 } as unknown as TenantContext,
    demo.id,
  );
  const connection = await createConnection(tenant, {
    kind: 'network',
    networkKey: 'kma',
    name: 'Demo CPA network',
    settings: { api_token: DEMO_NETWORK_KEY },
    defaultCurrency: 'EUR',
  });
  const offer = await addOffer(tenant, {
    connectionId: connection.id,
    label: 'Slim tea (stream 42)',
    parameters: { kma: 'demo-stream-42' },
  });
  const base = options.networkBaseUrl.replace(/\/+$/, '');
  await saveAdapter(tenant, {
    connectionId: connection.id,
    adapter: AdapterSchema.parse({
      auth: { style: 'header', name: 'X-Api-Key', value: '{{settings.api_token}}' },
      leadPush: {
        url: `${base}/api/leads`,
        body: {
          format: 'json',
          fields: { stream: '{{offer.kma}}', name: '{{lead.name}}', phone: '{{lead.phone}}', sub1: '{{visit_id}}' },
        },
        orderIdPath: '$.data.order_id',
        duplicate: { statuses: [409] },
      },
      statusPoll: {
        url: `${base}/api/orders{?from,to,page}`,
        paging: { style: 'page', firstPage: 1, pageSize: 20 },
        itemsPath: '$.result.items[*]',
        orderIdPath: '$.order.id',
        subIdPath: '$.sub_id1',
        statusPath: '$.state',
        payoutPath: '$.money.amount',
        currencyPath: '$.money.currency',
        statusWords: { sta: 'confirmed', stc: 'declined', stt: 'spam', stw: 'new' },
      },
      syncEveryMinutes: 60,
    }),
  });
  // Recent clicks of the demo partner: the leads came from them.
  const recent = await ctx.db
    .select({ id: clicks.id })
    .from(clicks)
    .where(and(eq(clicks.operatorId, demo.id), eq(clicks.partnerId, demo.partnerId)))
    .orderBy(desc(clicks.createdAt))
    .limit(LEADS.length);
  for (const [index, [name, phone]] of LEADS.entries()) {
    const visitId = recent[index]?.id;
    if (!visitId) break;
    await acceptLead(tenant, {
      connectionId: connection.id,
      leadId: `demo-lead-${index + 1}`,
      offerId: offer.id,
      visitId,
      contact: { name, phone, country: phone.startsWith('+49') ? 'DE' : undefined },
    });
  }
}
