/** Where an unknown tracking code sends a player: the operator that owns the tracking host, else the install default. */
import { eq, like } from 'drizzle-orm';
import type { AppDeps } from '../../http/deps.ts';
import { operatorOrigins, operators } from '../operators/table.ts';

export async function findFallbackUrl(deps: AppDeps, host: string): Promise<string> {
  const [row] = await deps.db.select({ fallbackUrl: operators.fallbackUrl }).from(operatorOrigins)
    .innerJoin(operators, eq(operators.id, operatorOrigins.operatorId))
    .where(like(operatorOrigins.origin, `%://${host.replace(/[%_]/g, '')}`)).limit(1);
  return row?.fallbackUrl ?? deps.tracking.defaultFallbackUrl;
}
