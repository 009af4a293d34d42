/** Which manager a partner has: the operator assigns one (or none); the partner sees theirs in Contacts. */
import { and, eq } from 'drizzle-orm';
import type { PartnerContext, TenantContext, TenantStore } from '../../lib/context.ts';
import { fieldProblem, notFound } from '../../lib/errors.ts';
import { partnerExists } from '../identity/partners.ts';
import { contactCardsForPartners } from './contact-cards.ts';
import { loadManager, managerPhotoUrl, presentManager } from './managers.ts';
import { presentMessengers } from './messengers.ts';
import type { Manager } from './schemas.ts';
import { managers, partnerManagers, type ManagerRow } from './table.ts';

async function assignedManagerRow(
  ctx: TenantStore & Pick<TenantContext, 'publicUrl'>,
  partnerId: string,
): Promise<ManagerRow | null> {
  const [row] = await ctx.db
    .select({ manager: managers })
    .from(partnerManagers)
    .innerJoin(managers, eq(managers.id, partnerManagers.managerId))
    .where(and(eq(partnerManagers.operatorId, ctx.operatorId), eq(partnerManagers.partnerId, partnerId)));
  return row?.manager ?? null;
}

async function countOf(ctx: TenantStore & Pick<TenantContext, 'publicUrl'>, managerId: string) {
  const rows = await ctx.db
    .select({ partnerId: partnerManagers.partnerId })
    .from(partnerManagers)
    .where(and(eq(partnerManagers.operatorId, ctx.operatorId), eq(partnerManagers.managerId, managerId)));
  return rows.length;
}

async function requirePartner(ctx: TenantStore & Pick<TenantContext, 'publicUrl'>, partnerId: string) {
  if (!(await partnerExists(ctx, partnerId))) throw notFound('Partner');
}

/** The partner's manager (active or not), or null. Another operator's partner is a 404. */
export async function findPartnerManager(
  ctx: TenantStore & Pick<TenantContext, 'publicUrl'>,
  partnerId: string,
): Promise<{ partnerId: string; manager: Manager | null }> {
  await requirePartner(ctx, partnerId);
  const row = await assignedManagerRow(ctx, partnerId);
  return {
    partnerId,
    manager: row ? presentManager(row, { publicUrl: ctx.publicUrl, partnerCount: await countOf(ctx, row.id) }) : null,
  };
}

/** Gives the partner this manager (active ones only: 422 on `managerId` otherwise), or none (`managerId` null). */
export async function assignManager(
  ctx: TenantStore & Pick<TenantContext, 'publicUrl'>,
  input: { partnerId: string; managerId: string | null },
): Promise<{ partnerId: string; manager: Manager | null }> {
  await requirePartner(ctx, input.partnerId);
  if (input.managerId === null) {
    await ctx.db
      .delete(partnerManagers)
      .where(and(eq(partnerManagers.operatorId, ctx.operatorId), eq(partnerManagers.partnerId, input.partnerId)));
    return { partnerId: input.partnerId, manager: null };
  }
  const manager = await loadManager(ctx, input.managerId).catch(() => null);
  if (!manager) throw fieldProblem('body.managerId', 'not_found_reference', 'no such manager', { resource: 'manager' });
  if (!manager.active) throw fieldProblem('body.managerId', 'invalid_value', 'is inactive: activate the manager first');
  const values = { operatorId: ctx.operatorId, managerId: manager.id, assignedAt: ctx.clock.now() };
  await ctx.db
    .insert(partnerManagers)
    .values({ partnerId: input.partnerId, ...values })
    .onConflictDoUpdate({ target: partnerManagers.partnerId, set: values });
  return {
    partnerId: input.partnerId,
    manager: presentManager(manager, { publicUrl: ctx.publicUrl, partnerCount: await countOf(ctx, manager.id) }),
  };
}

/** What the signed-in partner's Contacts section shows: their manager (if active), brand cards, the program card. */
export async function partnerContacts(ctx: PartnerContext) {
  const [row, cards] = await Promise.all([
    assignedManagerRow(ctx, ctx.partner.partnerId),
    contactCardsForPartners(ctx),
  ]);
  const manager =
    row?.active === true
      ? {
          name: row.name,
          email: row.email,
          messengers: presentMessengers(row.messengers),
          languages: row.languages,
          photoUrl: managerPhotoUrl(ctx.publicUrl, row),
        }
      : null;
  return { manager, ...cards };
}
