/**
 * Partner sign-up: a pending partner account with its owner, linked to a referrer by code, and to
 * the referrer's campaign and promo when the sign-up came through one of its tracking links.
 */
import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import { DomainError, fieldProblem } from '../../lib/errors.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import { getOperator } from '../operators/service.ts';
import { findCurrentTermsVersion } from '../terms/service.ts';
import { signUpTermsAcceptance } from '../terms/acceptance.ts';
import { signUpFieldValues } from '../registration-fields/values.ts';
import { clickAttributions } from '../tracking/service.ts';
import { partners, users } from './table.ts';
import { sendMail } from '../mail/service.ts';
import { auditStatement } from './audit.ts';
import { assertPasswordAcceptable, hashPassword } from './passwords.ts';
import { findUserByEmail } from './users.ts';
import type { z } from 'zod';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SignUpSchema } from './schemas.ts';

/** Referral codes are short enough to read out, long enough not to guess (32^8). */
export const newReferralCode = () => randomToken(8);

/**
 * What brought a referred sign-up: the click (visit id) of a sub-affiliate link, its campaign and
 * promo. Only the referrer's own click of this operator counts; any other visit id (another
 * partner's, unknown, a prefetch) is ignored, so a forged or stale one cannot credit anybody.
 */
async function referralSource(
  ctx: TenantContext,
  input: { referrerPartnerId: string | null; visitId: string | undefined },
): Promise<{ referredClickId: string | null; referredCampaignId: string | null; referredPromoId: string | null }> {
  const none = { referredClickId: null, referredCampaignId: null, referredPromoId: null };
  if (!input.referrerPartnerId || !input.visitId) return none;
  const click = (await clickAttributions(ctx, [input.visitId])).get(input.visitId);
  if (!click || click.partnerId !== input.referrerPartnerId) return none;
  return { referredClickId: click.id, referredCampaignId: click.campaignId, referredPromoId: click.promoId };
}

export async function signUp(ctx: TenantContext, input: z.infer<typeof SignUpSchema>) {
  const { operatorId } = ctx;
  const { branding } = await getOperator(ctx);
  // Published terms versions replace the terms URL; operators without versions keep the URL's checkbox.
  const termsVersion = await findCurrentTermsVersion(ctx);
  const termsUrl = termsVersion ? null : branding.termsUrl;
  // Only terms that exist can be accepted: without a terms URL the field is ignored.
  if (termsUrl && input.acceptTerms !== true)
    throw fieldProblem('body.acceptTerms', 'must_accept', 'you must accept the terms and conditions');
  assertPasswordAcceptable(input.password, input.email);
  if (await findUserByEmail(ctx, input.email)) {
    throw new DomainError(
      'conflict',
      'An account with this email already exists; sign in or reset the password',
      [{ path: 'body.email', reason: 'already_exists', message: 'already registered' }],
      { resource: 'user', state: 'exists' },
    );
  }
  let referrerPartnerId: string | null = null;
  if (input.referralCode) {
    const [referrer] = await ctx.db
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.operatorId, operatorId), eq(partners.referralCode, input.referralCode.toUpperCase())));
    if (!referrer)
      throw new DomainError('validation_failed', 'body.referralCode: no partner has this referral code', [
        {
          path: 'body.referralCode',
          reason: 'not_found_reference',
          params: { resource: 'referral_code' },
          message: 'no partner has this referral code',
        },
      ]);
    referrerPartnerId = referrer.id;
  }
  const source = await referralSource(ctx, { referrerPartnerId, visitId: input.visitId });
  const now = ctx.clock.now();
  const partnerId = newId('partner', ctx.clock);
  const userId = newId('user', ctx.clock);
  const termsAcceptance = await signUpTermsAcceptance(ctx, {
    acceptTermsVersion: input.acceptTermsVersion,
    partnerId,
    userId,
  });
  const fieldValues = await signUpFieldValues(ctx, { partnerId, fields: input.fields });
  await ctx.db.batch([
    ctx.db.insert(partners).values({
      id: partnerId,
      operatorId,
      name: input.company?.trim() || input.name,
      company: input.company ?? null,
      country: input.country,
      status: 'pending',
      referrerPartnerId,
      ...source,
      referralCode: newReferralCode(),
      createdAt: now,
    }),
    ctx.db.insert(users).values({
      id: userId,
      operatorId,
      partnerId,
      email: input.email,
      name: input.name,
      role: 'owner',
      locale: input.locale,
      messenger: input.messenger ?? null,
      passwordHash: await hashPassword(input.password),
      createdAt: now,
    }),
    auditStatement(ctx, {
      partnerId,
      userId,
      type: 'signed_up',
      actor: { kind: 'user', userId },
      // What was accepted, and when: the terms page as it was named at sign-up.
      detail: {
        referrerPartnerId,
        ...(source.referredClickId ? { referredPromoId: source.referredPromoId } : {}),
        country: input.country,
        ...(termsUrl ? { termsUrl, termsAcceptedAt: now.toISOString() } : {}),
        ...(termsAcceptance
          ? { termsVersionId: termsAcceptance.version.id, termsVersion: termsAcceptance.version.version }
          : {}),
      },
    }),
    // The accepted terms and the answers to the operator's fields exist exactly when the account does.
    ...([termsAcceptance?.insert, fieldValues.insert].filter(Boolean) as BatchItem<'sqlite'>[]),
  ]);
  await sendMail(ctx, {
    to: input.email,
    locale: input.locale,
    template: 'signed_up',
    params: { partnerName: input.name },
  });
  return {
    partnerId,
    status: 'pending' as const,
    message:
      'Thank you! Your application is pending approval by the program team; we will email you when it is approved.',
  };
}
