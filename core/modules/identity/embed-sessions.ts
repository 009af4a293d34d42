/**
 * Embed sessions (the Stripe Connect account-session model): the operator's backend mints a
 * short-lived, single-use client secret for one partner user and the components it may show;
 * `<kb-portal client-secret>` exchanges it for a bearer session limited to those components.
 */
import type { TenantContext } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { auditStatement } from './audit.ts';
import { consumeOneTimeToken, issueOneTimeToken } from './one-time-tokens.ts';
import { createSession } from './sessions.ts';
import { loadPartnerOfUser, loadUser, presentUser } from './users.ts';
import type { EMBED_COMPONENTS } from './schemas.ts';

type EmbedComponent = (typeof EMBED_COMPONENTS)[number];

export async function mintPartnerSession(
  ctx: TenantContext,
  input: { userId: string; components: EmbedComponent[]; ttlSeconds: number },
) {
  const user = await loadUser(ctx, input.userId);
  const partner = await loadPartnerOfUser(ctx, user);
  if (user.blockedAt || partner.status !== 'active') {
    throw new DomainError(
      'account_inactive',
      `User ${user.id} cannot have a session: ${user.blockedAt ? 'the user is blocked' : `the partner account is ${partner.status}`}`,
      [],
      user.blockedAt ? { resource: 'user', state: 'blocked' } : { resource: 'partner', state: partner.status },
    );
  }
  const components = [...new Set(input.components)];
  const { raw, expiresAt } = await issueOneTimeToken(ctx, {
    userId: user.id,
    purpose: 'embed',
    ttlMs: input.ttlSeconds * 1000,
    data: { components },
  });
  return { clientSecret: raw, expiresAt: expiresAt.toISOString(), userId: user.id, components };
}

export async function exchangeClientSecret(ctx: TenantContext, clientSecret: string) {
  const used = await consumeOneTimeToken(ctx, { purposes: ['embed'], raw: clientSecret });
  const user = await loadUser(ctx, used.userId);
  const partner = await loadPartnerOfUser(ctx, user);
  if (user.blockedAt || partner.status !== 'active')
    throw new DomainError('account_inactive', 'This partner user cannot sign in right now');
  const components = (used.data?.components as string[] | undefined) ?? null;
  const session = await createSession(ctx, {
    userId: user.id,
    kind: 'embed',
    transport: 'bearer',
    components,
  });
  await auditStatement(ctx, {
    partnerId: partner.id,
    userId: user.id,
    type: 'signed_in',
    actor: { kind: 'operator' },
    detail: { sessionId: session.id, via: 'embed', components },
  });
  return {
    token: session.token as string | null,
    expiresAt: session.expiresAt.toISOString(),
    user: presentUser(user),
    components,
  };
}
