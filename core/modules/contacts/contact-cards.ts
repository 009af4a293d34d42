/** Contact cards: how partners reach the program's support, per brand and program-wide. */
import { and, eq } from 'drizzle-orm';
import type { TenantRead, TenantStore } from '../../lib/context.ts';
import { DomainError, fieldProblems } from '../../lib/errors.ts';
import { findBrand, listBrandSummaries } from '../catalog/service.ts';
import { normaliseMessengers, presentMessengers } from './messengers.ts';
import type { SetContactCardInput } from './schemas.ts';
import { PROGRAM_SCOPE, contactCards, type ContactCardRow } from './table.ts';

/** Empty words dropped, so `{ en: '' }` is no English text. */
const words = (text: { en?: string | undefined; ru?: string | undefined }) =>
  Object.fromEntries(Object.entries(text).filter(([, value]) => value)) as { en?: string; ru?: string };

export const presentCard = (row: ContactCardRow) => ({
  supportEmail: row.supportEmail,
  messengers: presentMessengers(row.messengers),
  hours: row.hours,
  note: row.note,
  updatedAt: row.updatedAt.toISOString(),
});

async function cardsByScope(ctx: TenantStore): Promise<Map<string, ContactCardRow>> {
  const rows = await ctx.db.select().from(contactCards).where(eq(contactCards.operatorId, ctx.operatorId));
  return new Map(rows.map((row) => [row.scope, row]));
}

/** The program card and every brand with its own card or null (brands by name). */
export async function listContactCards(ctx: TenantStore & TenantRead) {
  const [cards, brands] = await Promise.all([cardsByScope(ctx), listBrandSummaries(ctx)]);
  const program = cards.get(PROGRAM_SCOPE);
  return {
    program: program ? presentCard(program) : null,
    brands: brands.map((brand) => {
      const card = cards.get(brand.id);
      return { brandId: brand.id, brandName: brand.name, contacts: card ? presentCard(card) : null };
    }),
  };
}

/** The brand's card as partners see it, or the program's (`brandId` null); one card per scope, replaced whole. */
export async function setContactCard(
  ctx: TenantStore & TenantRead,
  input: SetContactCardInput & { brandId: string | null },
) {
  if (input.brandId !== null && !(await findBrand(ctx, input.brandId)))
    throw new DomainError('not_found', 'Brand was not found', [], { resource: 'brand' });
  const { messengers, problems } = normaliseMessengers('body.messengers', input.messengers);
  if (problems.length) throw fieldProblems(problems);
  const values = {
    supportEmail: input.supportEmail ? input.supportEmail.trim().toLowerCase() : null,
    messengers,
    hours: words(input.hours),
    note: words(input.note),
    updatedAt: ctx.clock.now(),
  };
  const [row] = await ctx.db
    .insert(contactCards)
    .values({ operatorId: ctx.operatorId, scope: input.brandId ?? PROGRAM_SCOPE, brandId: input.brandId, ...values })
    .onConflictDoUpdate({ target: [contactCards.operatorId, contactCards.scope], set: values })
    .returning();
  return presentCard(row!);
}

/** Removes the brand's own card (partners then see the program's) or the program's (`brandId` null). */
export async function clearContactCard(ctx: TenantStore & TenantRead, brandId: string | null) {
  if (brandId !== null && !(await findBrand(ctx, brandId)))
    throw new DomainError('not_found', 'Brand was not found', [], { resource: 'brand' });
  await ctx.db
    .delete(contactCards)
    .where(and(eq(contactCards.operatorId, ctx.operatorId), eq(contactCards.scope, brandId ?? PROGRAM_SCOPE)));
}

/** A card as partners see it (when it changed is the operator's business). */
function shown(row: ContactCardRow) {
  const { updatedAt: _updatedAt, ...card } = presentCard(row);
  return card;
}

/** What partners are shown: the brands with a card of their own (by brand name) and the program's card. */
export async function contactCardsForPartners(ctx: TenantStore & TenantRead) {
  const [cards, brands] = await Promise.all([cardsByScope(ctx), listBrandSummaries(ctx)]);
  const program = cards.get(PROGRAM_SCOPE);
  return {
    program: program ? shown(program) : null,
    brands: brands.flatMap((brand) => {
      const card = cards.get(brand.id);
      return card ? [{ brandId: brand.id, brandName: brand.name, ...shown(card) }] : [];
    }),
  };
}
