/**
 * Terms and conditions, the partner's side: the current terms and whether this user accepted them,
 * accepting (only the current version; again is a no-op), the history, the sign-in gate's question
 * ("what must this user accept first?") and the acceptance sign-up records with the new account.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { DomainError, fieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { getOperator } from '../operators/service.ts';
import { findCurrentTermsVersion, loadTermsVersion, presentPublished, presentVersion } from './service.ts';
import { termsAcceptances, termsVersions } from './table.ts';

type Read = Pick<TenantContext, 'db' | 'operatorId'>;

async function acceptedAtOf(ctx: Pick<PartnerContext, 'db' | 'operatorId' | 'partner'>, versionId: string) {
  const [row] = await ctx.db
    .select({ acceptedAt: termsAcceptances.acceptedAt })
    .from(termsAcceptances)
    .where(
      and(
        eq(termsAcceptances.operatorId, ctx.operatorId),
        eq(termsAcceptances.userId, ctx.partner.userId),
        eq(termsAcceptances.termsVersionId, versionId),
      ),
    );
  return row?.acceptedAt.toISOString() ?? null;
}

/** The current terms, rendered, and when this user accepted them (null: not yet, or no terms). */
export async function getPartnerTerms(ctx: PartnerContext) {
  const current = await findCurrentTermsVersion(ctx);
  if (!current) return { current: null, acceptedAt: null };
  return { current: presentPublished(current), acceptedAt: await acceptedAtOf(ctx, current.id) };
}

/** Any version of the operator's (an old one too), rendered, with this user's acceptance. */
export async function getPartnerTermsVersion(ctx: PartnerContext, versionId: string) {
  const [row, current] = await Promise.all([loadTermsVersion(ctx, versionId), findCurrentTermsVersion(ctx)]);
  return { ...presentPublished(row), current: current?.id === row.id, acceptedAt: await acceptedAtOf(ctx, row.id) };
}

/** Every version, newest first, with when this user accepted each (null: never). */
export async function getTermsHistory(ctx: PartnerContext) {
  const rows = await ctx.db
    .select({ version: termsVersions, acceptedAt: termsAcceptances.acceptedAt })
    .from(termsVersions)
    .leftJoin(
      termsAcceptances,
      and(eq(termsAcceptances.termsVersionId, termsVersions.id), eq(termsAcceptances.userId, ctx.partner.userId)),
    )
    .where(eq(termsVersions.operatorId, ctx.operatorId))
    .orderBy(desc(termsVersions.version));
  return {
    versions: rows.map((r, index) => ({
      ...presentVersion(r.version),
      current: index === 0,
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Records this user's acceptance of the current version. An older version is refused (409: the
 * terms changed; read the new ones); accepting the same version again keeps the first acceptance.
 */
export async function acceptTerms(ctx: PartnerContext, versionId: string) {
  const [version, current] = await Promise.all([loadTermsVersion(ctx, versionId), findCurrentTermsVersion(ctx)]);
  if (current && current.id !== version.id)
    throw new DomainError(
      'conflict',
      `Version ${version.version} is no longer the current terms: read and accept version ${current.version}`,
      [],
      { resource: 'terms_version', state: 'changed' },
    );
  await ctx.db
    .insert(termsAcceptances)
    .values(acceptanceRow(ctx, { partnerId: ctx.partner.partnerId, userId: ctx.partner.userId, versionId: version.id }))
    .onConflictDoNothing();
  const acceptedAt = (await acceptedAtOf(ctx, version.id))!;
  return { versionId: version.id, version: version.version, acceptedAt };
}

function acceptanceRow(
  ctx: Pick<TenantContext, 'clock' | 'operatorId' | 'meta'>,
  input: { partnerId: string; userId: string; versionId: string },
) {
  return {
    id: newId('tacc', ctx.clock),
    operatorId: ctx.operatorId,
    partnerId: input.partnerId,
    userId: input.userId,
    termsVersionId: input.versionId,
    acceptedAt: ctx.clock.now(),
    ip: ctx.meta?.ip ?? null,
    userAgent: ctx.meta?.userAgent ?? null,
  };
}

/**
 * What the gate asks on every partner call: the current terms when this user has not accepted them
 * (one indexed query), else null.
 */
export async function findTermsToAccept(ctx: Read, input: { userId: string }) {
  const [row] = await ctx.db
    .select({
      versionId: termsVersions.id,
      version: termsVersions.version,
      title: termsVersions.title,
      acceptanceId: termsAcceptances.id,
    })
    .from(termsVersions)
    .leftJoin(
      termsAcceptances,
      and(eq(termsAcceptances.termsVersionId, termsVersions.id), eq(termsAcceptances.userId, input.userId)),
    )
    .where(eq(termsVersions.operatorId, ctx.operatorId))
    .orderBy(desc(termsVersions.version))
    .limit(1);
  if (!row || row.acceptanceId) return null;
  return { versionId: row.versionId, version: row.version, title: row.title };
}

/** The current terms for the sign-up form (null: the operator has published none). */
export async function getPublicTerms(ctx: Read) {
  await getOperator(ctx); // an unknown operator is a 404, not "no terms"
  const current = await findCurrentTermsVersion(ctx);
  return { current: current ? presentPublished(current) : null };
}

/**
 * Sign-up's side of the terms: when the operator has published terms, `acceptTermsVersion` must
 * name the current version (a stale id means the terms changed while the form was open). Returns
 * the insert to run in sign-up's own batch (so the acceptance exists exactly when the account
 * does), or null when the operator has no versions (older installs keep the terms URL).
 */
export async function signUpTermsAcceptance(
  ctx: Pick<TenantContext, 'db' | 'clock' | 'operatorId' | 'meta'>,
  input: { acceptTermsVersion: string | undefined; partnerId: string; userId: string },
) {
  const current = await findCurrentTermsVersion(ctx);
  if (!current) return null;
  if (!input.acceptTermsVersion)
    throw fieldProblem('body.acceptTermsVersion', 'must_accept', 'you must accept the terms and conditions');
  if (input.acceptTermsVersion !== current.id)
    throw fieldProblem(
      'body.acceptTermsVersion',
      'outdated',
      `the terms changed: read the new version (${current.version}) and accept it`,
      { current: current.id },
    );
  return {
    version: current,
    insert: ctx.db.insert(termsAcceptances).values(acceptanceRow(ctx, { ...input, versionId: current.id })),
  };
}
