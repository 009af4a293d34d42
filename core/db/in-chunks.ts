import { MAX_BOUND_PARAMETERS } from './insert-many.ts';

/**
 * Runs `load` for chunks of the distinct `values` (an `IN (…)` list each) and joins the rows.
 * A chunk leaves room for a few other parameters of the query under the statement's limit:
 * 32,766 on libSQL but 100 on D1, so a batch of a thousand ids still works on Workers.
 */
export async function selectInChunks<T, R>(
  values: Iterable<T>,
  load: (chunk: T[]) => Promise<R[]>,
  maxParams: number = MAX_BOUND_PARAMETERS,
): Promise<R[]> {
  const distinct = [...new Set(values)];
  const size = Math.max(1, Math.min(500, maxParams - 10));
  const out: R[] = [];
  for (let i = 0; i < distinct.length; i += size) out.push(...(await load(distinct.slice(i, i + size))));
  return out;
}
