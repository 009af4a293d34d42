/**
 * `kabinet bills run [--period 2026-11 | 2026-11-30] [--operator <id>]`: the billing run the
 * server makes hourly, by hand. `--period` bills the periods that start on or before that month's
 * last day (or that date); without it, every closed period not billed yet. Safe to repeat.
 */
import { listOperatorsWithPlans } from '../core/modules/commissions/service.ts';
import { runBilling } from '../core/modules/billing/run-billing.ts';
import { withTenant, type ServiceContext } from '../core/lib/context.ts';

/** "2026-11" → "2026-11-30"; a date stays itself; anything else is null. */
export function periodThrough(period: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(period) && !Number.isNaN(Date.parse(`${period}T00:00:00Z`))) return period;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month || Number(month[2]) < 1 || Number(month[2]) > 12) return null;
  const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0));
  return last.toISOString().slice(0, 10);
}

export async function billsRunCommand(
  deps: ServiceContext,
  values: { period?: string | undefined; operator?: string | undefined },
  fail: (message: string) => never,
) {
  const through = values.period === undefined ? undefined : periodThrough(values.period);
  if (through === null) fail(`--period ${values.period}: a month like 2026-11 or a date like 2026-11-30`);
  const operators = values.operator ? [values.operator] : await listOperatorsWithPlans(deps);
  if (values.operator && !(await listOperatorsWithPlans(deps)).includes(values.operator))
    fail(`No operator ${values.operator} with commission plans`);
  for (const operatorId of operators) {
    const result = await runBilling(withTenant(deps, operatorId, { ip: null, userAgent: 'kabinet-cli' }), { through });
    console.log(
      `${operatorId}: ${result.qualified} players qualified, ${result.issued} bills issued, ${result.priced} waiting bills priced`,
    );
  }
  if (operators.length === 0) console.log('No operator has commission plans: nothing to bill');
}
