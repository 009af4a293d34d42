/**
 * The operator's partner list: search by name, company, e-mail or id; filter by statuses; sort;
 * page with a total, and the count per status for the console's filter chips.
 */
import { and, asc, count, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { TenantContext } from '../../lib/context.ts';
import { containsAnySpelling, containsPattern } from '../../lib/like-pattern.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import { partners, users, PARTNER_STATUSES } from './table.ts';
import type { PartnerListQuerySchema } from './schemas.ts';

type PartnerStatus = (typeof PARTNER_STATUSES)[number];
type PartnerRow = typeof partners.$inferSelect;
export type PartnerListQuery = z.infer<typeof PartnerListQuerySchema>;

/** A partner as lists and decisions answer it, with its owner's id and e-mail. */
export function presentPartner(p: PartnerRow, owner: { id: string; email: string } | null) {
  return {
    id: p.id,
    name: p.name,
    company: p.company,
    country: p.country,
    status: p.status,
    referralCode: p.referralCode,
    referrerPartnerId: p.referrerPartnerId,
    createdAt: p.createdAt.toISOString(),
    owner,
  };
}

/**
 * Partners whose name, company or a team member's e-mail contains the text, or whose id starts with
 * it (a pasted id or its beginning: inside random ids a short text like "50" would match by chance).
 */
function matching(ctx: TenantContext, text: string): SQL | undefined {
  if (!text) return undefined;
  const member = ctx.db
    .select({ one: sql`1` })
    .from(users)
    .where(
      and(
        eq(users.operatorId, ctx.operatorId),
        eq(users.partnerId, partners.id),
        // E-mails are stored lower-cased; a Cyrillic address is matched as typed in lower case too.
        sql`${users.email} like ${containsPattern(text.toLocaleLowerCase())} escape '\\'`,
      ),
    );
  return or(
    containsAnySpelling(partners.name, text),
    containsAnySpelling(partners.company, text),
    sql`${partners.id} like ${containsPattern(text).slice(1)} escape '\\'`,
    exists(member),
  );
}

const ORDER = {
  newest: [desc(partners.createdAt), desc(partners.id)],
  oldest: [asc(partners.createdAt), asc(partners.id)],
  name: [asc(sql`${partners.name} collate nocase`), asc(partners.id)],
} as const;

/** One page of the operator's partners under the query, the total and the count per status. */
export async function searchPartners(ctx: TenantContext, query: PartnerListQuery) {
  const { operatorId } = ctx;
  const statuses = query.status ? (query.status.split(',') as PartnerStatus[]) : [];
  const found = and(eq(partners.operatorId, operatorId), matching(ctx, query.q ?? ''));
  const where = and(found, statuses.length ? inArray(partners.status, statuses) : undefined);
  const [rows, perStatus] = await Promise.all([
    // SQLite takes an offset only after a limit (and drizzle leaves out -1): a billion is "every match", as before paging.
    ctx.db
      .select()
      .from(partners)
      .where(where)
      .orderBy(...ORDER[query.sort])
      .limit(query.limit ?? 1_000_000_000)
      .offset(query.offset),
    ctx.db.select({ status: partners.status, n: count() }).from(partners).where(found).groupBy(partners.status),
  ]);
  const counts = Object.fromEntries(PARTNER_STATUSES.map((s) => [s, 0])) as Record<PartnerStatus, number>;
  for (const row of perStatus) counts[row.status] = row.n;
  const picked: readonly PartnerStatus[] = statuses.length ? statuses : PARTNER_STATUSES;
  const total = picked.reduce((sum, s) => sum + counts[s], 0);
  const ownerOf = await ownersOf(
    ctx,
    rows.map((p) => p.id),
  );
  return { data: rows.map((p) => presentPartner(p, ownerOf.get(p.id) ?? null)), total, counts };
}

/** The owners of these partners, by partner id. */
async function ownersOf(ctx: TenantContext, partnerIds: string[]) {
  const owners = await selectInChunks(
    partnerIds,
    (ids) =>
      ctx.db
        .select({ id: users.id, email: users.email, partnerId: users.partnerId })
        .from(users)
        .where(and(eq(users.operatorId, ctx.operatorId), eq(users.role, 'owner'), inArray(users.partnerId, ids))),
    ctx.maxBoundParams,
  );
  return new Map(owners.map((o) => [o.partnerId, { id: o.id, email: o.email }]));
}

/** Every partner of the operator, newest first, optionally of one status (the CLI and exports list them all). */
export async function listPartners(ctx: TenantContext, query: { status?: PartnerStatus | undefined }) {
  const rows = await ctx.db
    .select()
    .from(partners)
    .where(and(eq(partners.operatorId, ctx.operatorId), query.status ? eq(partners.status, query.status) : undefined))
    .orderBy(desc(partners.createdAt));
  const owners = await ctx.db
    .select({ id: users.id, email: users.email, partnerId: users.partnerId })
    .from(users)
    .where(and(eq(users.operatorId, ctx.operatorId), eq(users.role, 'owner')));
  const ownerOf = new Map(owners.map((o) => [o.partnerId, { id: o.id, email: o.email }]));
  return rows.map((p) => presentPartner(p, ownerOf.get(p.id) ?? null));
}
