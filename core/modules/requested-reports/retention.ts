/** How long a requested report's file is kept: a setting of each edge (KABINET_REPORT_RETENTION_DAYS), 7 days unless set. */
export const DEFAULT_REPORT_RETENTION_DAYS = 7;

/** Whole days from 1 to 365; anything else stops the server at start with the reason. */
export function readReportRetentionDays(env: Record<string, string | undefined>): number {
  const value = env.KABINET_REPORT_RETENTION_DAYS?.trim() || String(DEFAULT_REPORT_RETENTION_DAYS);
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > 365)
    throw new Error(`KABINET_REPORT_RETENTION_DAYS must be whole days from 1 to 365, got "${value}"`);
  return days;
}
