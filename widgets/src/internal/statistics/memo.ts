/**
 * Remembers the last result of `compute` for the same inputs (compared by identity), so a section's
 * render hands its chart the same arrays until the data or the language changes and the chart does
 * not redraw (and animate) on every unrelated update.
 */
export function memoLast<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}
