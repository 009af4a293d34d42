import type { Context } from 'hono';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { TrackingDeps } from '../../http/deps.ts';
import type { ClickWriter } from './click-writer.ts';
import { createPromoTargetCache } from './promo-target.ts';

export const DEFAULT_FALLBACK_URL = 'https://www.google.com/';

export function createTrackingDeps(db: Db, clock: Clock, options: { writer: ClickWriter; countryOf?: (c: Context, ip: string | null) => string | null; defaultFallbackUrl?: string }): TrackingDeps {
  return {
    writer: options.writer,
    promoTargets: createPromoTargetCache(db, () => clock.now().getTime()),
    countryOf: options.countryOf ?? (() => null),
    defaultFallbackUrl: options.defaultFallbackUrl ?? DEFAULT_FALLBACK_URL,
  };
}
