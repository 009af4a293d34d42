/**
 * A filter's From / To dates (`YYYY-MM-DD` from date inputs) as whole local days: from the start
 * of "from" to the end of "to", sent as UTC instants, so "to" includes that whole day.
 */
export function localDayRange(
  from: string | undefined,
  to: string | undefined,
): { from: string | undefined; to: string | undefined } {
  return {
    from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
    to: to ? new Date(`${to}T23:59:59.999`).toISOString() : undefined,
  };
}
