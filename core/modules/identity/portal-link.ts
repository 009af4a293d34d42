/** Links in emails open the operator's hosted portal page, which reads the token from the hash. */
import type { TenantContext } from '../../lib/context.ts';

/** The context's operator's hosted portal page, with the link's single-use token in the hash. */
export function portalLink(
  ctx: Pick<TenantContext, 'publicUrl' | 'operatorId'>,
  link: { action: 'unlock' | 'reset' | 'invite' | 'sign-in'; token?: string },
): string {
  const { action, token } = link;
  const base = `${ctx.publicUrl.replace(/\/+$/, '')}/portal/${encodeURIComponent(ctx.operatorId)}`;
  return token ? `${base}#${action}=${token}` : base;
}
