/** Links in emails open the operator's hosted portal page, which reads the token from the hash. */
import type { ServiceContext } from '../../lib/context.ts';

export function portalLink(
  deps: Pick<ServiceContext, 'publicUrl'>,
  operatorId: string,
  action: 'unlock' | 'reset' | 'invite' | 'sign-in',
  token?: string,
): string {
  const base = `${deps.publicUrl.replace(/\/+$/, '')}/portal/${encodeURIComponent(operatorId)}`;
  return token ? `${base}#${action}=${token}` : base;
}
