/**
 * Catalog: the operator's brands, landings, creatives and traffic sources, and
 * the partner's view of them (only what that partner may use).
 */
import type { PartnerPrincipal, TenantRead, TenantStore } from '../../lib/context.ts';
import { and, asc, eq, inArray, like, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { selectInChunks } from '../../db/in-chunks.ts';
import type { z } from 'zod';
import { DomainError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { brands, creatives, landings, trafficSources } from './table.ts';
import { planNames } from '../commissions/plan-names.ts';
import type { CreateBrandInput, CreateCreativeSchema, CreateLandingSchema, CreativeFilterSchema } from './schemas.ts';

type BrandRow = typeof brands.$inferSelect;
const presentBrand = ({ operatorId: _operatorId, createdAt, ...rest }: BrandRow) => ({
  ...rest,
  createdAt: createdAt.toISOString(),
});

export async function listBrands(ctx: TenantStore) {
  const rows = await ctx.db
    .select()
    .from(brands)
    .where(eq(brands.operatorId, ctx.operatorId))
    .orderBy(asc(brands.name));
  return rows.map(presentBrand);
}

export async function createBrand(ctx: TenantStore, input: CreateBrandInput & { id?: string }) {
  const { operatorId } = ctx;
  const [existing] = await ctx.db
    .select({ id: brands.id })
    .from(brands)
    .where(and(eq(brands.operatorId, operatorId), eq(brands.name, input.name)));
  if (existing)
    throw new DomainError(
      'conflict',
      `A brand named "${input.name}" already exists`,
      [{ path: 'body.name', reason: 'already_exists', message: 'already taken' }],
      { resource: 'brand', state: 'exists' },
    );
  const [row] = await ctx.db
    .insert(brands)
    .values({
      id: input.id ?? newId('brand', ctx.clock),
      operatorId,
      name: input.name,
      currency: input.currency,
      websiteUrl: input.websiteUrl,
      visitParam: input.visitParam,
      fallbackUrl: input.fallbackUrl,
      createdAt: ctx.clock.now(),
    })
    .returning();
  return presentBrand(row!);
}

const iso = (d: Date) => d.toISOString();

export async function requireBrand(ctx: TenantStore, brandId: string) {
  const { operatorId } = ctx;
  const field = 'body.brandId';
  const [brand] = await ctx.db
    .select()
    .from(brands)
    .where(and(eq(brands.operatorId, operatorId), eq(brands.id, brandId)));
  if (!brand)
    throw new DomainError('validation_failed', `${field}: no such brand`, [
      { path: field, reason: 'not_found_reference', params: { resource: 'brand' }, message: 'no such brand' },
    ]);
  return brand;
}

type LandingRow = typeof landings.$inferSelect;
export const presentLanding = ({ operatorId: _o, createdAt, ...l }: LandingRow) => ({
  ...l,
  createdAt: iso(createdAt),
});

export async function createLanding(ctx: TenantStore, input: z.infer<typeof CreateLandingSchema>) {
  const { operatorId } = ctx;
  await requireBrand(ctx, input.brandId);
  const [row] = await ctx.db
    .insert(landings)
    .values({ id: newId('land', ctx.clock), operatorId, ...input, createdAt: ctx.clock.now() })
    .returning();
  return presentLanding(row!);
}

export async function listLandings(
  ctx: TenantStore,
  filter: { audience?: 'players' | 'sub_affiliates'; brandId?: string } = {},
) {
  const { operatorId } = ctx;
  const rows = await ctx.db
    .select()
    .from(landings)
    .where(
      and(
        eq(landings.operatorId, operatorId),
        filter.audience ? eq(landings.audience, filter.audience) : undefined,
        filter.brandId ? eq(landings.brandId, filter.brandId) : undefined,
      ),
    )
    .orderBy(asc(landings.name));
  return rows.map(presentLanding);
}

type CreativeRow = typeof creatives.$inferSelect;
const orientationOf = (w: number, h: number) =>
  (w === h ? 'square' : w > h ? 'landscape' : 'portrait') as 'square' | 'landscape' | 'portrait';
export const presentCreative = ({ operatorId: _o, allowedPartnerIds: _a, createdAt, ...c }: CreativeRow) => ({
  ...c,
  orientation: orientationOf(c.width, c.height),
  createdAt: iso(createdAt),
});

export async function createCreative(ctx: TenantStore, input: z.infer<typeof CreateCreativeSchema>) {
  const { operatorId } = ctx;
  if (input.brandId) await requireBrand(ctx, input.brandId);
  const [row] = await ctx.db
    .insert(creatives)
    .values({ id: newId('crt', ctx.clock), operatorId, ...input, createdAt: ctx.clock.now() })
    .returning();
  return presentCreative(row!);
}

/** The gallery: public creatives plus private ones that list the calling partner (the operator sees all). */
export async function listCreatives(
  ctx: TenantStore & { partner?: Pick<PartnerPrincipal, 'partnerId'> },
  filter: z.infer<typeof CreativeFilterSchema>,
) {
  const { operatorId } = ctx;
  const partnerId = ctx.partner?.partnerId;
  const [w, h] = filter.size?.split('x').map(Number) ?? [];
  const rows = await ctx.db
    .select()
    .from(creatives)
    .where(
      and(
        eq(creatives.operatorId, operatorId),
        filter.title ? like(creatives.title, `%${filter.title.replace(/[%_]/g, '')}%`) : undefined,
        filter.language ? eq(creatives.language, filter.language) : undefined,
        filter.format ? eq(creatives.format, filter.format) : undefined,
        filter.privacy ? eq(creatives.privacy, filter.privacy) : undefined,
        filter.brandId ? eq(creatives.brandId, filter.brandId) : undefined,
        w && h ? and(eq(creatives.width, w), eq(creatives.height, h)) : undefined,
      ),
    )
    .orderBy(asc(creatives.title));
  return rows
    .filter((c) => !partnerId || c.privacy === 'public' || c.allowedPartnerIds.includes(partnerId))
    .filter((c) => !filter.tag || c.tags.includes(filter.tag))
    .filter((c) => !filter.orientation || orientationOf(c.width, c.height) === filter.orientation)
    .map(presentCreative);
}

export async function createTrafficSource(ctx: TenantStore, name: string) {
  const { operatorId } = ctx;
  const [existing] = await ctx.db
    .select()
    .from(trafficSources)
    .where(and(eq(trafficSources.operatorId, operatorId), eq(trafficSources.name, name)));
  if (existing)
    throw new DomainError(
      'conflict',
      `A traffic source named "${name}" exists`,
      [{ path: 'body.name', reason: 'already_exists', message: 'already exists' }],
      { resource: 'traffic_source', state: 'exists' },
    );
  const id = newId('ts', ctx.clock);
  await ctx.db.insert(trafficSources).values({ id, operatorId, name });
  return { id, name };
}

export async function listTrafficSources(ctx: TenantStore) {
  const { operatorId } = ctx;
  return ctx.db
    .select({ id: trafficSources.id, name: trafficSources.name })
    .from(trafficSources)
    .where(eq(trafficSources.operatorId, operatorId))
    .orderBy(asc(trafficSources.name));
}

// ---- Look-ups for other modules (they never read the catalog's tables themselves). ----

/** A read context: the database and its bound-parameter limit per statement (100 on D1). */

/** Which of these ids are brands of the operator. One query per chunk. */
export async function existingBrandIds(ctx: TenantRead, brandIds: Iterable<string>): Promise<Set<string>> {
  const { operatorId } = ctx;
  const rows = await selectInChunks(
    brandIds,
    (ids) =>
      ctx.db
        .select({ id: brands.id })
        .from(brands)
        .where(and(eq(brands.operatorId, operatorId), inArray(brands.id, ids))),
    ctx.maxBoundParams,
  );
  return new Set(rows.map((b) => b.id));
}

/** The operator's brand with this id, or null. One query. */
export async function findBrand(ctx: TenantRead, brandId: string): Promise<{ id: string; name: string } | null> {
  const { operatorId } = ctx;
  const [row] = await ctx.db
    .select({ id: brands.id, name: brands.name })
    .from(brands)
    .where(and(eq(brands.operatorId, operatorId), eq(brands.id, brandId)));
  return row ?? null;
}

/** The operator's brands as the portal shows them (id, name, currency, website), by name. One query. */
export async function listBrandSummaries(ctx: TenantRead) {
  const { operatorId } = ctx;
  return ctx.db
    .select({ id: brands.id, name: brands.name, currency: brands.currency, websiteUrl: brands.websiteUrl })
    .from(brands)
    .where(eq(brands.operatorId, operatorId))
    .orderBy(asc(brands.name));
}

/** The operator's landing with this id and its brand, or null. One query. */
export async function findLanding(ctx: TenantRead, landingId: string): Promise<{ id: string; brandId: string } | null> {
  const { operatorId } = ctx;
  const [row] = await ctx.db
    .select({ id: landings.id, brandId: landings.brandId })
    .from(landings)
    .where(and(eq(landings.operatorId, operatorId), eq(landings.id, landingId)));
  return row ?? null;
}

/** Whether the partner may use this creative of the operator (public, or private and shared with it). One query. */
export async function isCreativeUsableBy(
  ctx: TenantRead,
  input: { creativeId: string; partnerId: string },
): Promise<boolean> {
  const { operatorId } = ctx;
  const { creativeId, partnerId } = input;
  const [row] = await ctx.db
    .select({ privacy: creatives.privacy, allowedPartnerIds: creatives.allowedPartnerIds })
    .from(creatives)
    .where(and(eq(creatives.operatorId, operatorId), eq(creatives.id, creativeId)));
  return Boolean(row && (row.privacy !== 'private' || row.allowedPartnerIds.includes(partnerId)));
}

/** Whether this is a traffic source of the operator. One query. */
export async function trafficSourceExists(ctx: TenantRead, trafficSourceId: string): Promise<boolean> {
  const { operatorId } = ctx;
  const [row] = await ctx.db
    .select({ id: trafficSources.id })
    .from(trafficSources)
    .where(and(eq(trafficSources.operatorId, operatorId), eq(trafficSources.id, trafficSourceId)));
  return Boolean(row);
}

/*
 * Catalog facts for another module's own select, as SQL expressions: a scalar subquery on the
 * primary key returning a JSON object, so the caller's rows and their labels still come in one
 * query. `id` is the caller's column (or SQL) holding the id; the value is null when none matches.
 */
// Nested in an outer sql`` so drizzle keeps the columns table-qualified (it writes a one-table select list's columns bare).
const jsonObject = <T>(query: SQL): SQL<T | null> =>
  sql`${query}`.mapWith((raw: string) => JSON.parse(raw) as T) as SQL<T | null>;

export interface BrandSummary {
  id: string;
  name: string;
}
export const brandSummaryOf = (id: SQLWrapper) =>
  jsonObject<BrandSummary>(
    sql`(select json_object('id', ${brands.id}, 'name', ${brands.name}) from ${brands} where ${brands.id} = ${id})`,
  );

export const landingSummaryOf = (id: SQLWrapper) =>
  jsonObject<{ id: string; name: string; url: string; audience: LandingRow['audience'] }>(
    sql`(select json_object('id', ${landings.id}, 'name', ${landings.name}, 'url', ${landings.url}, 'audience', ${landings.audience}) from ${landings} where ${landings.id} = ${id})`,
  );

export const creativeSummaryOf = (id: SQLWrapper) =>
  jsonObject<{
    id: string;
    title: string;
    width: number;
    height: number;
    assetUrl: string;
    format: CreativeRow['format'];
  }>(
    sql`(select json_object('id', ${creatives.id}, 'title', ${creatives.title}, 'width', ${creatives.width}, 'height', ${creatives.height}, 'assetUrl', ${creatives.assetUrl}, 'format', ${creatives.format}) from ${creatives} where ${creatives.id} = ${id})`,
  );

export const trafficSourceSummaryOf = (id: SQLWrapper) =>
  jsonObject<{ id: string; name: string }>(
    sql`(select json_object('id', ${trafficSources.id}, 'name', ${trafficSources.name}) from ${trafficSources} where ${trafficSources.id} = ${id})`,
  );

/** Where a landing sends a player: its URL, audience, and its brand's visit-id parameter (the redirect needs them). */
export const landingTargetOf = (id: SQLWrapper) =>
  jsonObject<{ url: string; audience: LandingRow['audience']; visitParam: string }>(
    sql`(select json_object('url', ${landings.url}, 'audience', ${landings.audience}, 'visitParam', ${brands.visitParam}) from ${landings} inner join ${brands} on ${brands.id} = ${landings.brandId} where ${landings.id} = ${id})`,
  );

/** What a report names its rows by: catalog item ids to their names (creatives: titles). One query per kind and chunk. */
export async function catalogNames(
  ctx: TenantRead,
  ids: {
    brand?: Iterable<string>;
    plan?: Iterable<string>;
    landing?: Iterable<string>;
    creative?: Iterable<string>;
    trafficSource?: Iterable<string>;
  },
): Promise<Record<'brand' | 'plan' | 'landing' | 'creative' | 'trafficSource', Map<string, string>>> {
  const load = async (
    values: Iterable<string> | undefined,
    table: typeof brands | typeof landings | typeof trafficSources,
  ) =>
    new Map(
      (
        await selectInChunks(
          values ?? [],
          (chunk) =>
            ctx.db
              .select({ id: table.id, name: table.name })
              .from(table)
              .where(and(eq(table.operatorId, ctx.operatorId), inArray(table.id, chunk))),
          ctx.maxBoundParams,
        )
      ).map((r) => [r.id, r.name]),
    );
  const creativeTitles = new Map(
    (
      await selectInChunks(
        ids.creative ?? [],
        (chunk) =>
          ctx.db
            .select({ id: creatives.id, name: creatives.title })
            .from(creatives)
            .where(and(eq(creatives.operatorId, ctx.operatorId), inArray(creatives.id, chunk))),
        ctx.maxBoundParams,
      )
    ).map((r) => [r.id, r.name]),
  );
  return {
    brand: await load(ids.brand, brands),
    plan: await planNames(ctx, ids.plan ?? []),
    landing: await load(ids.landing, landings),
    creative: creativeTitles,
    trafficSource: await load(ids.trafficSource, trafficSources),
  };
}
