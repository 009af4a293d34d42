/**
 * A partner's accounts for the operator's payment methods: at most one live account per method
 * (the database's unique index decides, so two racing adds cannot both win), details sealed with
 * the install's secret box, masked on every read but the 2FA-gated reveal.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import { selectInChunks } from '../../db/in-chunks.ts';
import type { PartnerContext, PartnerRead, TenantContext, TenantRead } from '../../lib/context.ts';
import { DomainError, fieldProblem, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { auditStatement } from '../identity/audit.ts';
import { auditWhen } from '../identity/guarded-audit.ts';
import { insertManyAtomically } from '../../db/insert-many.ts';
import { partnerExists } from '../identity/partners.ts';
import { requireFreshTwoFactor, requireTwoFactorWhenOn } from '../identity/two-factor.ts';
import { findBrand } from '../catalog/service.ts';
import { findPaymentMethod, isUniqueViolation } from './catalog.ts';
import { accountSummary, AccountDetailsSchema, maskDetails, type AccountDetails, type PaymentKind } from './kinds.ts';
import { paymentAccounts, paymentMethods } from './table.ts';

type AccountRow = typeof paymentAccounts.$inferSelect;
/** What adding an account touches: the database, the clock, the secret box and who is adding it. */
type AccountStore = Pick<PartnerContext, 'db' | 'clock' | 'operatorId' | 'meta' | 'partner' | 'secretBox'>;
type MethodRow = typeof paymentMethods.$inferSelect;

function presentAccount(row: AccountRow, method: Pick<MethodRow, 'id' | 'name' | 'kind' | 'enabled'>) {
  return {
    id: row.id,
    method: { id: method.id, name: method.name, kind: method.kind, enabled: method.enabled },
    masked: row.masked,
    summary: accountSummary(row.kind, row.masked),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Live accounts of one partner with their methods, newest first. */
async function accountsOf(ctx: TenantRead, partnerId: string) {
  const rows = await ctx.db
    .select({ account: paymentAccounts, method: paymentMethods })
    .from(paymentAccounts)
    .innerJoin(paymentMethods, eq(paymentMethods.id, paymentAccounts.methodId))
    .where(
      and(
        eq(paymentAccounts.operatorId, ctx.operatorId),
        eq(paymentAccounts.partnerId, partnerId),
        isNull(paymentAccounts.deletedAt),
      ),
    )
    .orderBy(desc(paymentAccounts.createdAt), desc(paymentAccounts.id));
  return rows.map((r) => presentAccount(r.account, r.method));
}

/** One live account of a partner (null when deleted, another partner's or unknown): what a cash-out pays to. */
export async function findPartnerPaymentAccount(ctx: TenantRead, input: { partnerId: string; accountId: string }) {
  const [row] = await ctx.db
    .select()
    .from(paymentAccounts)
    .where(
      and(
        eq(paymentAccounts.operatorId, ctx.operatorId),
        eq(paymentAccounts.partnerId, input.partnerId),
        eq(paymentAccounts.id, input.accountId),
        isNull(paymentAccounts.deletedAt),
      ),
    );
  return row ? { id: row.id, methodId: row.methodId, summary: accountSummary(row.kind, row.masked) } : null;
}

export async function listPaymentAccounts(ctx: PartnerRead) {
  return accountsOf(ctx, ctx.partner.partnerId);
}

/** The operator's view of one partner's accounts: masked, like the partner's list. */
export async function listPartnerPaymentAccounts(ctx: TenantRead, partnerId: string) {
  if (!(await partnerExists(ctx, partnerId))) throw notFound('Partner');
  return accountsOf(ctx, partnerId);
}

/** The partner's live account with this id and its method, or 404. */
async function liveAccount(ctx: PartnerRead, accountId: string) {
  const [row] = await ctx.db
    .select({ account: paymentAccounts, method: paymentMethods })
    .from(paymentAccounts)
    .innerJoin(paymentMethods, eq(paymentMethods.id, paymentAccounts.methodId))
    .where(
      and(
        eq(paymentAccounts.operatorId, ctx.operatorId),
        eq(paymentAccounts.partnerId, ctx.partner.partnerId),
        eq(paymentAccounts.id, accountId),
        isNull(paymentAccounts.deletedAt),
      ),
    );
  if (!row) throw notFound('Payment account');
  return row;
}

/** The details (valid for their own kind) checked against the method's kind and the operator's brands. */
async function checkDetails(ctx: Pick<PartnerRead, 'db' | 'operatorId'>, method: MethodRow, details: AccountDetails) {
  if (details.kind !== method.kind)
    throw fieldProblem('body.details.kind', 'invalid_choice', `this method takes ${method.kind} details`, {
      allowed: [method.kind],
    });
  if (details.kind !== 'player_account') return { details, brandName: undefined };
  const brand = await findBrand(ctx, details.brandId);
  if (!brand) throw fieldProblem('body.details.brandId', 'not_found_reference', 'no such brand', { resource: 'brand' });
  return { details, brandName: brand.name };
}

type AccountInput = { methodId: string; details: z.input<typeof AccountDetailsSchema> };

/** The method offered, and the details valid for it, masked and sealed: a row ready to insert. */
async function prepareAccount(ctx: AccountStore, input: AccountInput) {
  const method = await findPaymentMethod(ctx, input.methodId);
  if (!method?.enabled)
    throw fieldProblem('body.methodId', 'not_found_reference', 'no such payment method is offered', {
      resource: 'payment_method',
    });
  // The route has checked the body already; callers without a route (the demo seed) are checked here.
  const parsed = AccountDetailsSchema.safeParse(input.details);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw fieldProblem(['body.details', ...issue.path.map(String)].join('.'), 'invalid_value', issue.message);
  }
  const { details, brandName } = await checkDetails(ctx, method, parsed.data);
  const masked = maskDetails(details, brandName);
  const row: AccountRow = {
    id: newId('pacc', ctx.clock),
    operatorId: ctx.operatorId,
    partnerId: ctx.partner.partnerId,
    methodId: method.id,
    kind: method.kind,
    sealedDetails: await ctx.secretBox.seal(JSON.stringify(details)),
    masked,
    addedByUserId: ctx.partner.userId,
    createdAt: ctx.clock.now(),
    deletedAt: null,
    deletedByUserId: null,
  };
  return { row, method };
}

async function insertAccount(ctx: AccountStore, prepared: Awaited<ReturnType<typeof prepareAccount>>) {
  const { row, method } = prepared;
  try {
    // One batch: a refused insert (a second account for the method) leaves no audit entry either.
    await ctx.db.batch([
      ctx.db.insert(paymentAccounts).values(row),
      auditStatement(ctx, {
        partnerId: ctx.partner.partnerId,
        userId: ctx.partner.userId,
        type: 'payment_method_added',
        actor: { kind: 'user', userId: ctx.partner.userId },
        detail: { method: method.name, account: accountSummary(method.kind, row.masked), accountId: row.id },
      }),
    ]);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError(
      'conflict',
      `You already have an account for "${method.name}": delete it first to add another`,
      [{ path: 'body.methodId', reason: 'already_exists', message: 'one account per payment method' }],
      { resource: 'payment_account', state: 'exists' },
    );
  }
  return presentAccount(row, method);
}

/** A partner adds an account: the details are checked first, so a typo does not spend the 2FA code. */
export async function addPaymentAccount(ctx: PartnerContext, input: AccountInput & { code?: string | undefined }) {
  const prepared = await prepareAccount(ctx, input);
  await requireTwoFactorWhenOn(ctx, input.code);
  return insertAccount(ctx, prepared);
}

/**
 * The same account without the second-factor step, for callers with no person at a keyboard to
 * type a code: the demo seed. Everything else (checks, one per method, sealing, the log) is shared.
 */
export async function recordPaymentAccount(
  ctx: Pick<PartnerContext, 'db' | 'clock' | 'operatorId' | 'meta' | 'partner' | 'secretBox'>,
  input: AccountInput,
) {
  return insertAccount(ctx, await prepareAccount(ctx, input));
}

export async function deletePaymentAccount(
  ctx: PartnerContext,
  input: { accountId: string; code?: string | undefined },
) {
  const { account, method } = await liveAccount(ctx, input.accountId);
  await requireTwoFactorWhenOn(ctx, input.code);
  // Only the live row, and the log entry in the same batch only if this update changed it
  // (SQLite's changes() reads the statement just before): of two racing deletes one changes the
  // row and only that one is logged (the other answers the same deleted account: a delete is
  // idempotent); a crash between them cannot leave a delete without its entry.
  await insertManyAtomically(ctx.db, [
    {
      query: ctx.db
        .update(paymentAccounts)
        .set({ deletedAt: ctx.clock.now(), deletedByUserId: ctx.partner.userId, sealedDetails: null })
        .where(and(eq(paymentAccounts.id, account.id), isNull(paymentAccounts.deletedAt))),
    },
    auditWhen(ctx, {
      when: sql`changes() = 1`,
      entry: {
        partnerId: ctx.partner.partnerId,
        userId: ctx.partner.userId,
        type: 'payment_method_deleted',
        actor: { kind: 'user', userId: ctx.partner.userId },
        detail: { method: method.name, account: accountSummary(account.kind, account.masked), accountId: account.id },
      },
    }),
  ]);
  return presentAccount(account, method);
}

/** The full details, only with a fresh 2FA code (wrong codes count toward the sign-in lockout). */
export async function revealPaymentAccount(
  ctx: PartnerContext,
  input: { accountId: string; code?: string | undefined },
) {
  const { account, method } = await liveAccount(ctx, input.accountId);
  await requireFreshTwoFactor(ctx, input.code);
  const details = AccountDetailsSchema.parse(JSON.parse(await ctx.secretBox.open(account.sealedDetails!)));
  return { ...presentAccount(account, method), details };
}

/** An account's full details for paying it: `fields` are the details without `kind` (a player account's brand by name). */
export interface PayeeDetails {
  accountId: string;
  kind: PaymentKind;
  /** Null once the partner deleted the account: its sealed details are gone, only the masked ones are left. */
  fields: Record<string, string> | null;
}

/**
 * The full details of these accounts of the operator's partners, opened for the operator's own
 * payment run (the cash-out export): the operator pays from them, as it holds the secret key. No
 * second factor: that guards a partner's session, and the operator's key is the operator. Unknown
 * ids and other operators' accounts are left out. One query per chunk of ids.
 */
export async function revealPayeeDetails(
  ctx: TenantRead & Pick<TenantContext, 'secretBox'>,
  accountIds: Iterable<string>,
): Promise<Map<string, PayeeDetails>> {
  const rows = await selectInChunks(
    accountIds,
    (ids) =>
      ctx.db
        .select()
        .from(paymentAccounts)
        .where(and(eq(paymentAccounts.operatorId, ctx.operatorId), inArray(paymentAccounts.id, ids))),
    ctx.maxBoundParams,
  );
  const out = new Map<string, PayeeDetails>();
  for (const row of rows) {
    const fields = row.sealedDetails ? await openedFields(ctx, row) : null;
    out.set(row.id, { accountId: row.id, kind: row.kind, fields });
  }
  return out;
}

async function openedFields(ctx: Pick<TenantContext, 'secretBox'>, row: AccountRow): Promise<Record<string, string>> {
  const details = AccountDetailsSchema.parse(JSON.parse(await ctx.secretBox.open(row.sealedDetails!)));
  const { kind: _kind, ...fields } = details;
  if (details.kind !== 'player_account') return fields;
  // The brand as it was named when the account was added (the masked copy keeps the name), and its id.
  const { brandId, playerId } = details;
  return { brand: row.masked.brand ?? brandId, brandId, playerId };
}
