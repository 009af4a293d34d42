/**
 * The walk over a plan's closed periods when another run bills some of a part's chains meanwhile:
 * it reads again and tries the chains still without a bill (each attempt under an id of its own),
 * goes on when that is taken, and leaves its position at the part when it is refused three times.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { withTenant, type TenantContext } from '../../lib/context.ts';
import type { StoredPlanTerms } from '../commissions/terms.ts';
import { readProgress } from './progress.ts';
import { billClosedSegments } from './run-billing.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let ctx: TenantContext;
beforeEach(async () => {
  t = await createTestApp(); // 2026-11-24T10:00Z
  ctx = withTenant(t.deps, (await partnerWithCampaign(t, {})).op.operator.id);
});
afterEach(() => t.dispose());

const walk = (runId: string, bill: Parameters<typeof billClosedSegments>[1]['bill']) => ({
  subject: 'plan:plan_walk',
  planId: 'plan_walk',
  versions: [{ effectiveFrom: '2026-10-05', terms: { billingPeriod: 'weekly' } as StoredPlanTerms }],
  zone: 'UTC',
  today: '2026-11-02',
  cutoff: Date.parse('2026-11-02T00:00:00Z'),
  runId,
  bill,
});

it('tries a part again when another run billed some of its chains meanwhile, and goes on when that is taken', async () => {
  const attempts: Array<[start: string, runId: string]> = [];
  const result = await billClosedSegments(
    ctx,
    walk('brun_a', async (part) => {
      attempts.push([part.start, part.runId]);
      // The second week: the first attempt is refused one of its two chains; the retry bills it.
      const refused = part.start === attempts[1]?.[0] && part.runId === 'brun_a' ? 1 : 0;
      return { issued: refused ? 1 : part.runId === 'brun_a:2' ? 1 : 2, refused };
    }),
  );
  const weeks = [...new Set(attempts.map(([start]) => start))];
  expect(weeks).toHaveLength(4);
  expect(attempts.filter(([start]) => start === weeks[1])).toEqual([
    [weeks[1], 'brun_a'],
    [weeks[1], 'brun_a:2'],
  ]);
  expect(result).toEqual({ issued: 2 + 1 + 1 + 2 + 2, complete: true });
  expect(await readProgress(ctx, { subject: 'plan:plan_walk' })).toBe('2026-11-02');
});

it('leaves its position at a part still refused after three attempts, for a later run', async () => {
  const attempts: string[] = [];
  const result = await billClosedSegments(
    ctx,
    walk('brun_b', async (part) => {
      attempts.push(part.runId);
      return part.start === '2026-10-05' ? { issued: 2, refused: 0 } : { issued: 0, refused: 1 };
    }),
  );
  expect(attempts).toEqual(['brun_b', 'brun_b', 'brun_b:2', 'brun_b:3']);
  expect(result).toEqual({ issued: 2, complete: false });
  expect(await readProgress(ctx, { subject: 'plan:plan_walk' })).toBe('2026-10-12');
});
