/** Where an unknown tracking code sends a player: the operator that owns the tracking host, else the install default. */
import type { ServiceContext } from '../../lib/context.ts';
import { findFallbackUrlForHost } from '../operators/service.ts';

export async function findFallbackUrl(deps: ServiceContext, host: string): Promise<string> {
  return (await findFallbackUrlForHost(deps, host)) ?? deps.tracking.defaultFallbackUrl;
}
