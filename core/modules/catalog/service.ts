/** Catalog: the operator's brands (landings, creatives and plans join them in the tracking issue). */
import type { StoreContext } from '../../lib/context.ts';
import { and, asc, eq } from 'drizzle-orm';
import { newId } from '../../lib/ids.ts';
import { DomainError } from '../../lib/errors.ts';
import { brands } from './table.ts';
import type { CreateBrandInput } from './schemas.ts';

type BrandRow = typeof brands.$inferSelect;
const present = ({ operatorId: _operatorId, createdAt, ...rest }: BrandRow) => ({ ...rest, createdAt: createdAt.toISOString() });

export async function listBrands(ctx: StoreContext, operatorId: string) {
  const rows = await ctx.db.select().from(brands).where(eq(brands.operatorId, operatorId)).orderBy(asc(brands.name));
  return rows.map(present);
}

export async function createBrand(ctx: StoreContext, operatorId: string, input: CreateBrandInput & { id?: string }) {
  const [existing] = await ctx.db.select({ id: brands.id }).from(brands)
    .where(and(eq(brands.operatorId, operatorId), eq(brands.name, input.name)));
  if (existing) throw new DomainError('conflict', `A brand named "${input.name}" already exists`, [{ path: 'body.name', message: 'already taken' }]);
  const [row] = await ctx.db.insert(brands).values({
    id: input.id ?? newId('brand', ctx.clock),
    operatorId,
    name: input.name,
    currency: input.currency,
    websiteUrl: input.websiteUrl,
    visitParam: input.visitParam,
    fallbackUrl: input.fallbackUrl,
    createdAt: ctx.clock.now(),
  }).returning();
  return present(row!);
}
