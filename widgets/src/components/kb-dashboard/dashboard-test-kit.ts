/**
 * Test-only fixtures of `<kb-dashboard>`'s browser tests: the period per day (two days with traffic)
 * and the campaigns' answer, picked by the query. Nothing outside *.test.ts imports this.
 */
import { report, row } from '../../internal/statistics/statistics-test-kit.ts';
import type { Report } from '../../internal/statistics/statistics-types.ts';

export const daily = (): Report =>
  report({
    groupBy: ['day'],
    metrics: ['clicks', 'registrations', 'ftdCount', 'depositAmount'],
    rows: [
      row({ day: '2026-11-02' }, { clicks: 40, registrations: 4, ftdCount: 1, depositAmount: { EUR: '20.00' } }),
      row({ day: '2026-11-05' }, { clicks: 12, registrations: 1, ftdCount: 0, depositAmount: { USD: '5.50' } }),
    ],
  });
export const byCampaign = (): Report =>
  report({
    groupBy: ['campaign'],
    metrics: ['clicks', 'registrations', 'ftdCount', 'depositAmount', 'ngr'],
    rows: [
      row(
        { campaign: 'camp_1' },
        {
          clicks: 1200,
          registrations: 30,
          ftdCount: 6,
          depositAmount: { EUR: '1250.50', USD: '14.00' },
          ngr: { EUR: '-3.20' },
        },
        { campaign: 'Summer push' },
      ),
      row(
        { campaign: 'camp_2' },
        { clicks: 52, registrations: 5, ftdCount: 1, depositAmount: {}, ngr: {} },
        { campaign: 'Spring promo' },
      ),
    ],
    total: 2,
  });
export const answer = (q: URLSearchParams) => (q.get('groupBy') === 'campaign' ? byCampaign() : daily());
