/** The user's profile page: contact fields, default report currency, email preferences, locale. */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerContext } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { partners, users } from './table.ts';
import { auditStatement } from './audit.ts';
import type { UpdateProfileSchema } from './schemas.ts';
import { loadPartnerOfUser, loadUser, presentUser } from './users.ts';
import { findTermsToAccept } from '../terms/acceptance.ts';

export async function getProfile(ctx: PartnerContext) {
  const user = await loadUser(ctx, ctx.partner.userId);
  const partner = await loadPartnerOfUser(ctx, user);
  return {
    user: presentUser(user),
    partner: {
      id: partner.id,
      name: partner.name,
      company: partner.company,
      country: partner.country,
      status: partner.status,
      referralCode: partner.referralCode,
    },
    messenger: user.messenger,
    phone: user.phone,
    defaultCurrency: user.defaultCurrency,
    emailPreferences: user.emailPreferences,
    // What the portal's "new terms" view asks after a refresh or a cookie probe.
    termsToAccept: await findTermsToAccept(ctx, { userId: user.id }),
  };
}

export async function updateProfile(ctx: PartnerContext, input: z.infer<typeof UpdateProfileSchema>) {
  const principal = ctx.partner;
  const user = await loadUser(ctx, principal.userId);
  const touchesAccount = input.company !== undefined || input.country !== undefined;
  if (touchesAccount && principal.role !== 'owner' && principal.role !== 'admin') {
    throw new DomainError('forbidden', 'Only the account owner or an admin can change the company and country', [], {
      role: principal.role,
    });
  }
  const { company, country, emailPreferences, ...own } = input;
  const changed = Object.keys(input);
  // An empty PATCH (or one that only touches the account) changes no user column: no UPDATE.
  const userValues = {
    ...own,
    ...(emailPreferences ? { emailPreferences: { ...user.emailPreferences, ...emailPreferences } } : {}),
  };
  if (!changed.length) return getProfile(ctx);
  await ctx.db.batch([
    auditStatement(ctx, {
      partnerId: principal.partnerId,
      userId: user.id,
      type: 'profile_updated',
      actor: { kind: 'user', userId: principal.userId },
      detail: { fields: changed },
    }),
    ...(Object.keys(userValues).length
      ? [
          ctx.db
            .update(users)
            .set(userValues)
            .where(and(eq(users.operatorId, ctx.operatorId), eq(users.id, user.id))),
        ]
      : []),
    ...(touchesAccount
      ? [
          ctx.db
            .update(partners)
            .set({ ...(company !== undefined ? { company } : {}), ...(country ? { country } : {}) })
            .where(and(eq(partners.operatorId, ctx.operatorId), eq(partners.id, principal.partnerId))),
        ]
      : []),
  ]);
  return getProfile(ctx);
}

/** The signed-in user's default report currency (null: each currency on its own). One query. */
export async function findReportCurrency(ctx: PartnerContext): Promise<string | null> {
  const [row] = await ctx.db
    .select({ currency: users.defaultCurrency })
    .from(users)
    .where(and(eq(users.operatorId, ctx.operatorId), eq(users.id, ctx.partner.userId)));
  return row?.currency ?? null;
}
