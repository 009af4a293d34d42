/**
 * The dashboard's question in the portal's address (`#/dashboard?period=last_7_days&campaignId=camp_1`):
 * its period and campaign, so a refresh, Back and Forward and a shared link open the same dashboard.
 * What the address cannot mean (an unknown period, custom dates missing or reversed, a campaign the
 * partner does not have) reads as the default: the last 30 days of every campaign.
 */
import { periodError, type PeriodChoice } from '../../internal/statistics/period-picker.ts';
import { addressText, readPeriod, writePeriod } from '../../internal/statistics/query-address.ts';
import type { ReportOptions } from '../../internal/statistics/statistics-types.ts';

export interface DashboardQuestion {
  choice: PeriodChoice;
  /** Empty: every campaign. */
  campaignId: string;
}

export const DEFAULT_QUESTION: DashboardQuestion = {
  choice: { period: 'last_30_days', from: '', to: '' },
  campaignId: '',
};

/** What an id may look like before the options say which campaigns there are. */
const CAMPAIGN_ID = /^[\w-]{1,64}$/;

/** The address's query: the period always (a shared link says what it shows), the campaign when one is chosen. */
export function dashboardAddress({ choice, campaignId }: DashboardQuestion): string {
  const q = new URLSearchParams();
  writePeriod(q, choice);
  if (campaignId) q.set('campaignId', campaignId);
  return addressText(q);
}

/**
 * The question an address asks, each part on its own: a bad period does not drop a good campaign.
 * The campaign is checked against the options with `knownCampaign` once they are in.
 */
export function readDashboardAddress(query: string): DashboardQuestion {
  const q = new URLSearchParams(query);
  const choice = readPeriod(q);
  const campaignId = q.get('campaignId') ?? '';
  return {
    // The language only words the problem; any problem means the default period.
    choice: choice && !periodError('en', choice) ? choice : { ...DEFAULT_QUESTION.choice },
    campaignId: CAMPAIGN_ID.test(campaignId) ? campaignId : '',
  };
}

/** The campaign if the partner has it, else every campaign. */
export const knownCampaign = (campaignId: string, options: ReportOptions): string =>
  options.campaigns.some((c) => c.id === campaignId) ? campaignId : '';

/** Moving from one question to the next edits the address's entry (not a new one) while custom dates are picked. */
export const refines = (before: DashboardQuestion, after: DashboardQuestion): boolean =>
  before.choice.period === 'custom' && after.choice.period === 'custom' && before.campaignId === after.campaignId;
