/**
 * Raw click retention: each day, clicks older than an operator's `clickRetentionDays` are
 * deleted (in slices, so no transaction grows large). Reports never read raw clicks for their
 * numbers, so they stay whole; what goes is the click log and custom-parameter detail older
 * than the limit. Operators without the setting keep every click.
 */
import { isNotNull } from 'drizzle-orm';
import type { JobHandlers } from '../../jobs/outbox.ts';
import { deleteClicksBefore } from '../tracking/service.ts';
import { rollUpHandlers } from './roll-up.ts';
import { reportSettings } from './table.ts';

const SLICE = 5_000;

/** The statistics module's jobs: the raw-click purge and the local-day roll-up. */
export const statisticsHandlers: JobHandlers = {
  ...rollUpHandlers,
  async 'maintenance.purge_raw_clicks'({ db, clock }) {
    const operators = await db
      .select({ operatorId: reportSettings.operatorId, days: reportSettings.clickRetentionDays })
      .from(reportSettings)
      .where(isNotNull(reportSettings.clickRetentionDays));
    for (const { operatorId, days } of operators) {
      const before = new Date(clock.now().getTime() - days! * 86_400_000);
      while ((await deleteClicksBefore({ db, operatorId }, { before, limit: SLICE })) === SLICE);
    }
  },
};
