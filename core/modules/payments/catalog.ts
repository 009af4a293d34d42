/**
 * Payments: the operator's catalog of payment methods (this file) and the partners' accounts for
 * them (accounts.ts). Limits come in as decimal strings and are stored in minor units per currency.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { TenantRead, TenantStore } from '../../lib/context.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { formatMoney, money, parsePayout } from '../../lib/money.ts';
import { WALLET_COINS } from './kinds.ts';
import type { CreatePaymentMethodSchema, MethodLimitInput, UpdatePaymentMethodSchema } from './schemas.ts';
import { paymentMethods, type StoredMethodLimit } from './table.ts';

export type PaymentMethodRow = typeof paymentMethods.$inferSelect;

const storeLimits = (limits: MethodLimitInput[]): StoredMethodLimit[] =>
  limits.map((l) => ({
    currency: l.currency,
    minMinor: parsePayout(l.min, l.currency).minor,
    maxMinor: parsePayout(l.max, l.currency).minor,
  }));

const presentLimit = (l: StoredMethodLimit) => ({
  currency: l.currency,
  min: formatMoney(money(l.minMinor, l.currency)),
  max: formatMoney(money(l.maxMinor, l.currency)),
});

export function presentPaymentMethod(row: PaymentMethodRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    currencies: row.limits.map((l) => l.currency),
    limits: row.limits.map(presentLimit),
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A unique index refused the write (a name taken, a second account for one method). */
export const isUniqueViolation = (error: unknown) =>
  /UNIQUE constraint failed/i.test(`${String(error)} ${String((error as { cause?: unknown })?.cause ?? '')}`);

const nameTaken = (name: string) =>
  new DomainError(
    'conflict',
    `A payment method named "${name}" already exists`,
    [{ path: 'body.name', reason: 'already_exists', message: 'already taken' }],
    { resource: 'payment_method', state: 'exists' },
  );

export async function createPaymentMethod(ctx: TenantStore, input: z.infer<typeof CreatePaymentMethodSchema>) {
  const now = ctx.clock.now();
  try {
    const [row] = await ctx.db
      .insert(paymentMethods)
      .values({
        id: newId('pm', ctx.clock),
        operatorId: ctx.operatorId,
        name: input.name,
        kind: input.kind,
        limits: storeLimits(input.limits),
        enabled: input.enabled,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return presentPaymentMethod(row!);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function listPaymentMethods(ctx: TenantRead) {
  const rows = await ctx.db
    .select()
    .from(paymentMethods)
    .where(eq(paymentMethods.operatorId, ctx.operatorId))
    .orderBy(asc(paymentMethods.name));
  return rows.map(presentPaymentMethod);
}

/** The operator's method with this id (enabled or not), or null: what cash-outs read limits from. */
export async function findPaymentMethod(ctx: TenantRead, methodId: string): Promise<PaymentMethodRow | null> {
  const [row] = await ctx.db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.operatorId, ctx.operatorId), eq(paymentMethods.id, methodId)));
  return row ?? null;
}

export async function getPaymentMethod(ctx: TenantRead, methodId: string) {
  const row = await findPaymentMethod(ctx, methodId);
  if (!row) throw notFound('Payment method');
  return presentPaymentMethod(row);
}

export async function updatePaymentMethod(
  ctx: TenantStore,
  input: { methodId: string; changes: z.infer<typeof UpdatePaymentMethodSchema> },
) {
  const { methodId, changes } = input;
  try {
    const [row] = await ctx.db
      .update(paymentMethods)
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.limits !== undefined && { limits: storeLimits(changes.limits) }),
        ...(changes.enabled !== undefined && { enabled: changes.enabled }),
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(paymentMethods.operatorId, ctx.operatorId), eq(paymentMethods.id, methodId)))
      .returning();
    if (!row) throw notFound('Payment method');
    return presentPaymentMethod(row);
  } catch (error) {
    if (changes.name !== undefined && isUniqueViolation(error)) throw nameTaken(changes.name);
    throw error;
  }
}

/** The enabled methods, as a partner picks one to add an account (wallet kinds list their coins). */
export async function listOfferedPaymentMethods(ctx: TenantRead) {
  const rows = await ctx.db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.operatorId, ctx.operatorId), eq(paymentMethods.enabled, true)))
    .orderBy(asc(paymentMethods.name));
  return rows.map((row) => {
    const { id, name, kind, currencies, limits } = presentPaymentMethod(row);
    const coins = kind === 'crypto_wallet' || kind === 'coinspaid' ? [...WALLET_COINS] : [];
    return { id, name, kind, currencies, limits, coins };
  });
}
