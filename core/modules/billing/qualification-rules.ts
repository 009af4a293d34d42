/**
 * A plan's CPA qualification rules as the rows `findQualifyingMoments` matches registrations
 * against: one per plan version × brand, covering the registrations whose local day (in the
 * operator's zone) falls under that version. Thresholds given in the brand's currency go as they
 * are; one only given in another currency needs that day's rate, so its players are checked in
 * JavaScript with rates (see check-player.ts).
 */
import { dayStartIn } from '../../lib/time-zones.ts';
import type { StoredMoney, StoredPlanTerms } from '../commissions/terms.ts';
import type { QualificationRule } from '../events/qualifying-moments.ts';

const DAY = 86_400_000;

interface PlanVersions {
  planId: string;
  versions: Array<{ effectiveFrom: string; terms: StoredPlanTerms | null }>;
}

export function qualificationRules(input: {
  plans: PlanVersions[];
  zone: string;
  currencyOf: Map<string, string>;
}): QualificationRule[] {
  const rules: QualificationRule[] = [];
  for (const { planId, versions } of input.plans) {
    versions.forEach((version, i) => {
      const cpa = version.terms?.cpa;
      if (!cpa) return;
      const next = versions[i + 1];
      const from = dayStartIn(input.zone, version.effectiveFrom);
      const to = next ? dayStartIn(input.zone, next.effectiveFrom) : Number.POSITIVE_INFINITY;
      const q = cpa.qualification ?? {};
      for (const [brandId, currency] of input.currencyOf) {
        const own = (list: StoredMoney[] | undefined) =>
          list && (list.find((m) => m.currency === currency) ?? list[0]!);
        const thresholds = [own(q.minFirstDeposit), own(q.minWager), own(q.minNgr)];
        rules.push({
          planId,
          brandId,
          currency,
          from,
          to,
          minFirstDeposit: thresholds[0]?.minor ?? null,
          minDeposits: q.minDeposits ?? 0,
          minWager: thresholds[1]?.minor ?? null,
          minNgr: thresholds[2]?.minor ?? null,
          withinMs: q.withinDays ? q.withinDays * DAY : null,
          countries: q.countries ?? null,
          undecided: thresholds.some((t) => t && t.currency !== currency),
        });
      }
    });
  }
  return rules;
}
