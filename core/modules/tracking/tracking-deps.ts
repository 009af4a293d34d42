import type { Context } from 'hono';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { createClientDescriber, type ClientTraits } from './click-context.ts';
import type { ClickWriter } from './click-writer.ts';
import { createPromoTargetCache, type PromoTarget } from './promo-target.ts';

/** The tracking edge's moving parts, chosen per runtime. */
export interface TrackingDeps {
  /** Group commit on Node and Deno; a direct insert per click on Workers. */
  writer: ClickWriter;
  promoTargets: { resolve(code: string): Promise<PromoTarget | null>; forget(code: string): void };
  /** Country of the caller: a bundled IP database on Node and Deno, Cloudflare's header on Workers. */
  countryOf: (c: Context, ip: string | null) => string | null;
  /** Where unknown codes go when no operator claims the host (KABINET_FALLBACK_URL). */
  defaultFallbackUrl: string;
  /** Device, OS, browser and bot flag of a user agent, remembered for the agents seen most recently. */
  describeClient: (userAgent: string | null) => ClientTraits;
}

export const DEFAULT_FALLBACK_URL = 'https://www.google.com/';

export function createTrackingDeps(
  db: Db,
  clock: Clock,
  options: {
    writer: ClickWriter;
    countryOf?: (c: Context, ip: string | null) => string | null;
    defaultFallbackUrl?: string;
  },
): TrackingDeps {
  return {
    writer: options.writer,
    promoTargets: createPromoTargetCache(db, () => clock.now().getTime()),
    countryOf: options.countryOf ?? (() => null),
    defaultFallbackUrl: options.defaultFallbackUrl ?? DEFAULT_FALLBACK_URL,
    describeClient: createClientDescriber(),
  };
}
