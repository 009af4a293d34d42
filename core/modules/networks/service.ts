/**
 * Inbound connections: the operator's tracker or a CPA network from the catalog. Settings are
 * validated against the network's catalog entry and sealed at rest; secrets are masked on
 * read. The postback token is random, kept sealed (to show the URL again) and hashed (to check
 * a call without decrypting). Offer mappings give each offer the network's own parameters.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ServiceContext, TenantContext } from '../../lib/context.ts';
import { preparedOnce } from '../../db/prepared-queries.ts';
import { DomainError, fieldProblems, notFound, type FieldProblem } from '../../lib/errors.ts';
import { sha256Hex, timingSafeEqual } from '../../lib/crypto.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import { findBrand, findLanding } from '../catalog/service.ts';
import { NETWORK_CATALOG, findNetwork, type NetworkDefinition } from './catalog.ts';
import { buildNetworkPostbackUrls, validateNetworkSettings, validateOfferParameters } from './network-settings.ts';
import { networkConnections, networkOffers } from './table.ts';
import type { CreateConnectionSchema, CreateOfferSchema, UpdateConnectionSchema } from './schemas.ts';

type Connection = typeof networkConnections.$inferSelect;
/** A CPA-network or tracker connection as stored (settings sealed); conversions reads inbound postbacks with it. */
export type NetworkConnection = Connection;
const invalid = (errors: FieldProblem[]) => fieldProblems(errors.map((e) => ({ ...e, path: `body.${e.path}` })));

/** The parameters a tracker sends; placeholders in braces are the tracker's own macros. */
export const TRACKER_QUERY_TAIL =
  '&click_id={click_id}&status={status}&payout={payout}&currency={currency}&txid={txid}';

export function listNetworkCatalog() {
  return NETWORK_CATALOG.map((n) => ({
    key: n.key,
    name: n.name,
    streamsRequired: n.streamsRequired,
    notes: n.notes ?? null,
    settings: n.settings.map((s) => ({ key: s.key, label: s.label, labelRu: s.labelRu, secret: s.secret })),
    offerParameters: n.offerParameters.map((p) => ({ name: p.name, meaning: p.meaning, meaningRu: p.meaningRu })),
    postbacks: {
      mode: n.postbacks.mode,
      tails:
        n.postbacks.mode === 'tails'
          ? n.postbacks.tails.map((t) => ({ status: t.status, tail: t.tail, label: t.label }))
          : [],
      // Networks that take the postback as separate fields: what to type into each.
      fields:
        n.postbacks.mode === 'fields'
          ? {
              protocol: n.postbacks.protocol,
              parameters: n.postbacks.parameters.map((p) => ({
                name: p.name,
                source: p.source,
                value: p.value,
                valuesByStatus: p.valuesByStatus ?? {},
                meaning: p.meaning,
                meaningRu: p.meaningRu,
              })),
            }
          : null,
    },
  }));
}

function networkOf(row: Connection): NetworkDefinition | null {
  return row.networkKey ? (findNetwork(row.networkKey) ?? null) : null;
}

const mask = (value: string) => (value.length <= 4 ? '••••' : `••••${value.slice(-4)}`);

async function present(deps: Pick<ServiceContext, 'secretBox' | 'publicUrl'>, row: Connection) {
  const network = networkOf(row);
  const settings: Record<string, string> = row.settingsSealed
    ? JSON.parse(await deps.secretBox.open(row.settingsSealed))
    : {};
  const shown = Object.fromEntries(
    Object.entries(settings).map(([key, value]) => [
      key,
      network?.settings.find((s) => s.key === key)?.secret === false ? value : mask(value),
    ]),
  );
  const token = await deps.secretBox.open(row.tokenSealed);
  const base = `${deps.publicUrl.replace(/\/$/, '')}/pb/${row.kind}/${row.id}?t=${token}`;
  const postbackUrls =
    row.kind === 'tracker'
      ? [{ status: 'global', url: base + TRACKER_QUERY_TAIL }]
      : network
        ? buildNetworkPostbackUrls(network, base)
        : [];
  return {
    id: row.id,
    kind: row.kind,
    networkKey: row.networkKey,
    networkName: network?.name ?? null,
    name: row.name,
    settings: shown,
    defaultCurrency: row.defaultCurrency,
    enabled: row.enabled,
    postbackMode: row.kind === 'tracker' ? ('tracker' as const) : (network?.postbacks.mode ?? 'api'),
    postbackUrls: postbackUrls.map((u) => ({ status: u.status, url: u.url })),
    createdAt: row.createdAt.toISOString(),
  };
}

function cleanSettings(network: NetworkDefinition, settings: Record<string, unknown>): Record<string, string> {
  const problems = validateNetworkSettings(network, settings);
  if (problems.length) throw invalid(problems);
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v).trim()]));
}

export async function createConnection(ctx: TenantContext, input: z.infer<typeof CreateConnectionSchema>) {
  const { operatorId } = ctx;
  let network: NetworkDefinition | null = null;
  let settings: Record<string, string> | null = null;
  if (input.kind === 'network') {
    if (!input.networkKey)
      throw invalid([{ path: 'networkKey', reason: 'required', message: 'required for a network connection' }]);
    network = findNetwork(input.networkKey) ?? null;
    if (!network)
      throw invalid([
        {
          path: 'networkKey',
          reason: 'not_found_reference',
          params: { resource: 'network' },
          message: 'not in the network catalog (GET /v1/networks)',
        },
      ]);
    settings = cleanSettings(network, input.settings);
  } else if (input.networkKey || Object.keys(input.settings).length) {
    throw invalid([
      {
        path: input.networkKey ? 'networkKey' : 'settings',
        reason: 'not_applicable',
        params: { kind: 'tracker' },
        message: 'a tracker connection takes no network settings',
      },
    ]);
  }
  const token = randomToken(24);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(networkConnections)
    .values({
      id: newId('nc', ctx.clock),
      operatorId,
      kind: input.kind,
      networkKey: network?.key ?? null,
      name: input.name,
      settingsSealed: settings ? await ctx.secretBox.seal(JSON.stringify(settings)) : null,
      tokenSealed: await ctx.secretBox.seal(token),
      tokenHash: await sha256Hex(token),
      defaultCurrency: input.defaultCurrency,
      enabled: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return present(ctx, row!);
}

async function load(ctx: TenantContext, id: string): Promise<Connection> {
  const { operatorId } = ctx;
  const [row] = await ctx.db
    .select()
    .from(networkConnections)
    .where(and(eq(networkConnections.operatorId, operatorId), eq(networkConnections.id, id)));
  if (!row) throw notFound('Connection');
  return row;
}

export async function getConnection(ctx: TenantContext, id: string) {
  return present(ctx, await load(ctx, id));
}

export async function listConnections(ctx: TenantContext) {
  const { operatorId } = ctx;
  const rows = await ctx.db
    .select()
    .from(networkConnections)
    .where(eq(networkConnections.operatorId, operatorId))
    .orderBy(asc(networkConnections.createdAt));
  return Promise.all(rows.map((r) => present(ctx, r)));
}

export async function updateConnection(
  ctx: TenantContext,
  input: { connectionId: string } & z.infer<typeof UpdateConnectionSchema>,
) {
  const row = await load(ctx, input.connectionId);
  let settingsSealed = row.settingsSealed;
  if (input.settings) {
    const network = networkOf(row);
    if (!network)
      throw invalid([
        {
          path: 'settings',
          reason: 'not_applicable',
          params: { kind: 'tracker' },
          message: 'a tracker connection takes no network settings',
        },
      ]);
    const stored: Record<string, string> = row.settingsSealed
      ? JSON.parse(await ctx.secretBox.open(row.settingsSealed))
      : {};
    // Secrets come back masked on read; leaving one out (or sending the mask) keeps the stored value.
    const merged = {
      ...stored,
      ...Object.fromEntries(
        Object.entries(input.settings).filter(([, v]) => !(typeof v === 'string' && v.startsWith('••••'))),
      ),
    };
    settingsSealed = await ctx.secretBox.seal(JSON.stringify(cleanSettings(network, merged)));
  }
  const [updated] = await ctx.db
    .update(networkConnections)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.defaultCurrency !== undefined ? { defaultCurrency: input.defaultCurrency } : {}),
      settingsSealed,
      updatedAt: ctx.clock.now(),
    })
    .where(eq(networkConnections.id, row.id))
    .returning();
  return present(ctx, updated!);
}

/**
 * The connection an inbound postback names, if its token matches and it is enabled; else null (→ 404).
 * Not tenant-scoped: the connection is what tells which operator the postback is for.
 */
export async function authenticateConnection(
  ctx: Pick<ServiceContext, 'db'>,
  input: { kind: Connection['kind']; id: string; token: string },
): Promise<Connection | null> {
  const { kind, id, token } = input;
  const [row] = await preparedOnce(ctx.db, 'networks.connectionByIdAndKind', (db) =>
    db
      .select()
      .from(networkConnections)
      .where(
        and(eq(networkConnections.id, sql.placeholder('id')), eq(networkConnections.kind, sql.placeholder('kind'))),
      )
      .prepare(),
  ).all({ id, kind });
  if (!row || !row.enabled) return null;
  return timingSafeEqual(await sha256Hex(token), row.tokenHash) ? row : null;
}

const presentOffer = (o: typeof networkOffers.$inferSelect) => ({
  id: o.id,
  connectionId: o.connectionId,
  label: o.label,
  brandId: o.brandId,
  landingId: o.landingId,
  parameters: o.parameters,
  createdAt: o.createdAt.toISOString(),
});

export async function addOffer(
  ctx: TenantContext,
  input: { connectionId: string } & z.infer<typeof CreateOfferSchema>,
) {
  const { operatorId } = ctx;
  const row = await load(ctx, input.connectionId);
  const network = networkOf(row);
  if (!network)
    throw new DomainError(
      'conflict',
      'Offer parameters belong to network connections; a tracker connection has none',
      [],
      { resource: 'connection', state: 'tracker' },
    );
  const problems = validateOfferParameters(network, input.parameters);
  if (problems.length) throw invalid(problems);
  if (input.brandId && !(await findBrand(ctx, input.brandId))) {
    throw invalid([
      { path: 'brandId', reason: 'not_found_reference', params: { resource: 'brand' }, message: 'no such brand' },
    ]);
  }
  if (input.landingId && !(await findLanding(ctx, input.landingId))) {
    throw invalid([
      { path: 'landingId', reason: 'not_found_reference', params: { resource: 'landing' }, message: 'no such landing' },
    ]);
  }
  const [offer] = await ctx.db
    .insert(networkOffers)
    .values({
      id: newId('noff', ctx.clock),
      operatorId,
      connectionId: row.id,
      label: input.label,
      brandId: input.brandId ?? null,
      landingId: input.landingId ?? null,
      parameters: Object.fromEntries(Object.entries(input.parameters).map(([k, v]) => [k, String(v).trim()])),
      createdAt: ctx.clock.now(),
    })
    .returning();
  return presentOffer(offer!);
}

export async function listOffers(ctx: TenantContext, connectionId: string) {
  const { operatorId } = ctx;
  const row = await load(ctx, connectionId);
  const offers = await ctx.db
    .select()
    .from(networkOffers)
    .where(and(eq(networkOffers.operatorId, operatorId), eq(networkOffers.connectionId, row.id)))
    .orderBy(asc(networkOffers.createdAt));
  return offers.map(presentOffer);
}

export async function deleteOffer(ctx: TenantContext, input: { connectionId: string; offerId: string }) {
  const { operatorId } = ctx;
  const { offerId } = input;
  const row = await load(ctx, input.connectionId);
  const deleted = await ctx.db
    .delete(networkOffers)
    .where(
      and(
        eq(networkOffers.operatorId, operatorId),
        eq(networkOffers.connectionId, row.id),
        eq(networkOffers.id, offerId),
      ),
    )
    .returning({ id: networkOffers.id });
  if (!deleted.length) throw notFound('Offer');
  return { deleted: 1 };
}

/** A network connection with its settings opened, for the requests its API adapter makes. */
export interface OpenedConnection {
  id: string;
  name: string;
  enabled: boolean;
  defaultCurrency: string;
  settings: Record<string, string>;
  /** The settings the catalog marks secret: the adapter's log masks their values. */
  secretSettings: string[];
  /**
   * The network's own status words as its catalog tails give them (`sta=11&stc=12&stt=13` for
   * AdBees): a status poll reads the same words the postbacks do unless its adapter names others.
   */
  statusWords: Partial<Record<'sta' | 'stc' | 'stt' | 'stw', string>>;
}

function catalogStatusWords(network: NetworkDefinition): OpenedConnection['statusWords'] {
  const words: OpenedConnection['statusWords'] = {};
  if (network.postbacks.mode !== 'tails') return words;
  for (const tail of network.postbacks.tails) {
    const params = new URLSearchParams(tail.tail.replace(/^&/, ''));
    for (const key of ['sta', 'stc', 'stt', 'stw'] as const) {
      const value = params.get(key);
      if (value && !words[key]) words[key] = value;
    }
  }
  return words;
}

/** The connection's settings opened; a tracker connection (which has no API) is a conflict. */
export async function openNetworkConnection(ctx: TenantContext, connectionId: string): Promise<OpenedConnection> {
  const row = await load(ctx, connectionId);
  const network = networkOf(row);
  if (row.kind !== 'network' || !network)
    throw new DomainError('conflict', 'A tracker connection has no network API', [], {
      resource: 'connection',
      state: 'tracker',
    });
  const settings: Record<string, string> = row.settingsSealed
    ? JSON.parse(await ctx.secretBox.open(row.settingsSealed))
    : {};
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    defaultCurrency: row.defaultCurrency,
    settings,
    secretSettings: network.settings.filter((s) => s.secret).map((s) => s.key),
    statusWords: catalogStatusWords(network),
  };
}

/** One offer mapping of the connection, or null. */
export async function findConnectionOffer(ctx: TenantContext, input: { connectionId: string; offerId: string }) {
  const { operatorId } = ctx;
  const [offer] = await ctx.db
    .select()
    .from(networkOffers)
    .where(
      and(
        eq(networkOffers.operatorId, operatorId),
        eq(networkOffers.connectionId, input.connectionId),
        eq(networkOffers.id, input.offerId),
      ),
    );
  return offer ? presentOffer(offer) : null;
}
