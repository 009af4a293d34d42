/**
 * Lazy chunk: the dashboard and the performance report. Their charts' library is not in here: each
 * `<kb-stats-chart>` imports it (a chunk of its own) the first time it draws.
 */
import { define } from '../internal/base-element.ts';
import { KbStatsChart } from '../internal/statistics/kb-stats-chart.ts';
import { KbDashboard } from '../components/kb-dashboard/kb-dashboard.ts';
import { KbReports } from '../components/kb-reports/kb-reports.ts';
import { KbSubaffiliateReport } from '../components/kb-subaffiliate-report/kb-subaffiliate-report.ts';
import { KbRequestedReports } from '../components/kb-requested-reports/kb-requested-reports.ts';
import { KbReportFavorites } from '../components/kb-report-favorites/kb-report-favorites.ts';

define('kb-stats-chart', KbStatsChart);
define('kb-dashboard', KbDashboard);
define('kb-reports', KbReports);
define('kb-subaffiliate-report', KbSubaffiliateReport);
define('kb-requested-reports', KbRequestedReports);
define('kb-report-favorites', KbReportFavorites);

export { KbStatsChart, KbDashboard, KbReports };
export { KbRequestedReports };
export { KbReportFavorites };
export { KbSubaffiliateReport };
