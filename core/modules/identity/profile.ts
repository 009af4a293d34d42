/** The user's profile page: contact fields, default report currency, email preferences, locale. */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerPrincipal, RequestMeta, ServiceContext } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { partners, users } from './table.ts';
import { auditStatement } from './audit.ts';
import type { UpdateProfileSchema } from './schemas.ts';
import { loadPartnerOfUser, loadUser, presentUser } from './users.ts';

export async function getProfile(deps: ServiceContext, principal: PartnerPrincipal) {
  const user = await loadUser(deps, principal.operatorId, principal.userId);
  const partner = await loadPartnerOfUser(deps, user);
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
  };
}

export async function updateProfile(
  deps: ServiceContext,
  principal: PartnerPrincipal,
  input: z.infer<typeof UpdateProfileSchema>,
  meta: RequestMeta,
) {
  const user = await loadUser(deps, principal.operatorId, principal.userId);
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
  if (!changed.length) return getProfile(deps, principal);
  await deps.db.batch([
    auditStatement(deps, {
      operatorId: principal.operatorId,
      partnerId: principal.partnerId,
      userId: user.id,
      type: 'profile_updated',
      actor: { kind: 'user', userId: principal.userId },
      detail: { fields: changed },
      meta,
    }),
    ...(Object.keys(userValues).length
      ? [
          deps.db
            .update(users)
            .set(userValues)
            .where(and(eq(users.operatorId, principal.operatorId), eq(users.id, user.id))),
        ]
      : []),
    ...(touchesAccount
      ? [
          deps.db
            .update(partners)
            .set({ ...(company !== undefined ? { company } : {}), ...(country ? { country } : {}) })
            .where(and(eq(partners.operatorId, principal.operatorId), eq(partners.id, principal.partnerId))),
        ]
      : []),
  ]);
  return getProfile(deps, principal);
}
